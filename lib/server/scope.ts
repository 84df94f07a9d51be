import "server-only";
import { canOnRecord, type Permission } from "../permissions";
import { forbidden } from "./errors";
import type { SessionUser } from "./session";

/** Tenant scoping for every Prisma `where`: the organization always comes from the session, never the client. */
export function inOrg<W extends object>(user: Pick<SessionUser, "organizationId">, where: W = {} as W) {
  return { ...where, organizationId: user.organizationId };
}

/** Fails closed when the user's role covers only their own records and this one is someone else's. */
export function assertMayActOn(user: SessionUser, permission: Permission, record: { ownerId: string }): void {
  if (!canOnRecord(user, permission, record.ownerId)) {
    throw forbidden("Only the owner of this record or a manager can change it.");
  }
}
