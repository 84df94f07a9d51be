import "server-only";
import { z } from "zod";
import { cursorParam } from "../../validation/list-params";
import type { changeRoleSchema, createUserSchema } from "../../validation/user";
import { forgetApiCallersOf } from "../api/keys";
import { recordAudit } from "../audit";
import { db, readDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { boundedCount, column, COUNT_LIMIT, keysetPage } from "../pagination";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";
import { transaction } from "../transaction";
import { assertAnotherActiveAdmin, lockOrganizationAdmins } from "./admin-guard";
import { hashPassword } from "./passwords";

const USER_PAGE_SIZE = 50;
export const userListParams = z.object({ after: cursorParam, before: cursorParam });
const visibleUser = { id: true, name: true, email: true, role: true, createdAt: true, deactivatedAt: true } as const;
type UserRow = Prisma.UserGetPayload<{ select: typeof visibleUser }>;
const byName = column<UserRow>("name", "string");

/** One page of colleagues by name, keyset-paged. Never the password hash: this list is shown on a page. */
export async function listUsers(user: SessionUser, cursors: { after?: string; before?: string } = {}) {
  const where = inOrg(user);
  const client = readDb();
  const [page, counted] = await Promise.all([
    keysetPage({
      sort: "name",
      dir: "asc",
      column: byName,
      ...cursors,
      take: USER_PAGE_SIZE,
      read: (segment, take) =>
        client.user.findMany({
          where: { AND: [where, segment.where as Prisma.UserWhereInput] },
          orderBy: segment.orderBy,
          take,
          select: visibleUser,
        }),
    }),
    client.user.count({ where, take: COUNT_LIMIT + 1 }),
  ]);
  return { ...page, total: boundedCount(counted) };
}

export async function createUser(user: SessionUser, input: z.infer<typeof createUserSchema>) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await transaction(async (tx) => {
      const created = await tx.user.create({
        data: { organizationId: user.organizationId, name: input.name, email: input.email, role: input.role, passwordHash },
      });
      const { passwordHash: _secret, ...visible } = created;
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        entityType: "user",
        entityId: created.id,
        action: "create",
        after: visible,
      });
      return created;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Emails are unique across organizations. A colleague can be named; someone elsewhere must not be revealed.
    const colleague = await db().user.findFirst({ where: inOrg(user, { email: input.email }), select: { id: true } });
    const message = colleague
      ? "This person is already a user in your organization."
      : "This email address cannot be used. Ask the person for another address.";
    throw new AppError("INVALID", message, { fieldErrors: { email: [message] } });
  }
}

/**
 * Changes a colleague's role. An admin cannot demote themselves, and an organization always keeps an active
 * admin, even when two admins demote each other at the same moment (see lockOrganizationAdmins).
 */
export async function changeRole(user: SessionUser, input: z.infer<typeof changeRoleSchema>) {
  const result = await transaction(async (tx) => {
    await lockOrganizationAdmins(tx, user);
    const before = await tx.user.findFirst({ where: inOrg(user, { id: input.userId }), select: { id: true, role: true, deactivatedAt: true } });
    if (!before) throw notFound("User");
    if (before.id === user.id && input.role !== "admin") throw new AppError("INVALID", "You cannot remove your own admin role; ask another admin.");
    if (before.role === input.role) return { id: before.id, role: before.role };
    if (before.role === "admin" && !before.deactivatedAt) {
      await assertAnotherActiveAdmin(tx, user, before.id);
    }
    const after = await tx.user.update({ where: { id: before.id }, data: { role: input.role }, select: { id: true, role: true } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "user",
      entityId: before.id,
      action: "change_role",
      before: { id: before.id, role: before.role },
      after,
    });
    return after;
  });
  // Their API keys act with the new role (or stop) in this process at once, in others within API_KEY_CACHE_MS.
  forgetApiCallersOf(result.id);
  return result;
}
