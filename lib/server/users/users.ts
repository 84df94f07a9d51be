import "server-only";
import { z } from "zod";
import { cursorParam } from "../../validation/list-params";
import type { changeRoleSchema, createUserSchema } from "../../validation/user";
import { recordAudit } from "../audit";
import { hashPassword } from "../auth";
import { db, readDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { boundedCount, column, COUNT_LIMIT, keysetPage } from "../pagination";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

const USER_PAGE_SIZE = 50;
export const userListParams = z.object({ after: cursorParam, before: cursorParam });
const visibleUser = { id: true, name: true, email: true, role: true, createdAt: true } as const;
type UserRow = Prisma.UserGetPayload<{ select: typeof visibleUser }>;
const byName = column<UserRow>("name", "string");

/** One page of colleagues by name, keyset-paged. Never the password hash: this list is shown on a page. */
export async function listUsers(user: SessionUser, cursors: { after?: string; before?: string } = {}) {
  const where = inOrg(user);
  const client = readDb();
  const [page, counted] = await Promise.all([
    keysetPage({
      sort: "name", dir: "asc", column: byName, ...cursors, take: USER_PAGE_SIZE,
      read: (segment, take) => client.user.findMany({ where: { AND: [where, segment.where as Prisma.UserWhereInput] }, orderBy: segment.orderBy, take, select: visibleUser }),
    }),
    client.user.count({ where, take: COUNT_LIMIT + 1 }),
  ]);
  return { ...page, total: boundedCount(counted) };
}

export async function createUser(user: SessionUser, input: z.infer<typeof createUserSchema>) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const created = await tx.user.create({ data: { organizationId: user.organizationId, name: input.name, email: input.email, role: input.role, passwordHash } });
      const { passwordHash: _secret, ...visible } = created;
      await recordAudit(tx, { organizationId: user.organizationId, actorId: user.id, entityType: "user", entityId: created.id, action: "create", after: visible });
      return created;
    });
  } catch (error) {
    // Emails are unique across organizations; say so without revealing which organization has it.
    if (isUniqueViolation(error)) throw new AppError("INVALID", "That email already has an account.", { fieldErrors: { email: ["This email already has an account."] } });
    throw error;
  }
}

/** Changes a colleague's role. An admin cannot demote themselves, so an organization always keeps an admin. */
export async function changeRole(user: SessionUser, input: z.infer<typeof changeRoleSchema>) {
  return db().$transaction(async (tx) => {
    const before = await tx.user.findFirst({ where: inOrg(user, { id: input.userId }), select: { id: true, role: true } });
    if (!before) throw notFound("User");
    if (before.id === user.id && input.role !== "admin") throw new AppError("INVALID", "You cannot remove your own admin role; ask another admin.");
    const after = await tx.user.update({ where: { id: before.id }, data: { role: input.role }, select: { id: true, role: true } });
    await recordAudit(tx, { organizationId: user.organizationId, actorId: user.id, entityType: "user", entityId: before.id, action: "change_role", before, after });
    return after;
  });
}
