import "server-only";
import type { Tx } from "../db";
import { AppError, forbidden } from "../errors";
import type { SessionUser } from "../session";

/**
 * Serializes changes to who administers an organization: the organization's row is locked for the rest of
 * the transaction, so two admins demoting or deactivating each other run one after the other, and the
 * second sees the first's result. The acting admin is re-read after the lock: one just demoted by a
 * parallel request no longer acts as admin.
 */
export async function lockOrganizationAdmins(tx: Tx, user: SessionUser): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${user.organizationId} FOR UPDATE`;
  const actor = await tx.user.findFirst({ where: { id: user.id, organizationId: user.organizationId }, select: { role: true, deactivatedAt: true } });
  if (!actor || actor.role !== "admin" || actor.deactivatedAt) throw forbidden("You are no longer an admin of this organization.");
}

/** Refuses a change that would leave the organization without an active admin (call after the lock). */
export async function assertAnotherActiveAdmin(tx: Tx, user: SessionUser, losingAdminId: string): Promise<void> {
  const others = await tx.user.count({
    where: { organizationId: user.organizationId, role: "admin", deactivatedAt: null, id: { not: losingAdminId } },
  });
  if (others === 0) throw new AppError("CONFLICT", "An organization must keep at least one active admin.");
}
