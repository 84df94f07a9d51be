import "server-only";
import { can, type Permission } from "../../permissions";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

/** The colleagues a record can be handed to: active users of the organization whose role may work it. */
export async function listAssignableUsers(user: SessionUser, permission: Permission = "opportunity.update") {
  const users = await db().user.findMany({
    where: inOrg(user, { deactivatedAt: null }),
    select: { id: true, name: true, role: true },
    orderBy: { name: "asc" },
    take: 500,
  });
  return users.filter((u) => can(u.role, permission)).map(({ id, name }) => ({ id, name }));
}

/** A new owner must be an active colleague whose role may work the record; anyone else is refused as invalid. */
export async function assertAssignable(tx: Tx, user: SessionUser, ownerId: string, permission: Permission) {
  const owner = await tx.user.findFirst({ where: inOrg(user, { id: ownerId, deactivatedAt: null }), select: { id: true, name: true, role: true } });
  if (!owner || !can(owner.role, permission)) {
    throw new AppError("INVALID", "Pick an active colleague who can own this.", {
      fieldErrors: { ownerId: ["Pick an active colleague who can own this."] },
    });
  }
  return owner;
}
