import "server-only";
import type { z } from "zod";
import { listParamsSchema, PAGE_SIZE } from "../../validation/list-params";
import { readDb } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { boundedCount, column, COUNT_LIMIT, keysetPage, type SortColumn } from "../pagination";
import { accountsNamed } from "../accounts/queries";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

export const contactListParams = listParamsSchema(["name", "title", "account", "createdAt"], "name");
export type ContactListParams = z.infer<typeof contactListParams>;

type ContactRow = Prisma.ContactGetPayload<{ include: { account: { select: { id: true; name: true } } } }>;

/** Every offered sort; name, title and createdAt have an index on (organizationId, column, id). */
const CONTACT_SORTS: Record<ContactListParams["sort"], SortColumn<ContactRow>> = {
  name: column("name", "string"),
  title: column("title", "string", true),
  createdAt: column("createdAt", "date"),
  // Sorting by a joined column cannot use one index; it pages correctly, just without an index range.
  account: {
    nullable: false,
    kind: "string",
    where: (f) => ({ account: { name: f } }),
    orderBy: (dir) => ({ account: { name: dir } }),
    value: (row) => row.account.name,
  },
};

export function contactListWhere(user: SessionUser, params: ContactListParams, matchingAccountIds: string[] = []): Prisma.ContactWhereInput {
  const like = { contains: params.q, mode: "insensitive" as const };
  return inOrg(user, {
    ...(params.q && { OR: [{ name: like }, { email: like }, { title: like }, { accountId: { in: matchingAccountIds } }] }),
  });
}

export async function findContacts(user: SessionUser, params: ContactListParams) {
  const client = readDb();
  const where = contactListWhere(user, params, await accountsNamed(user, params.q));
  const [page, counted] = await Promise.all([
    keysetPage({
      sort: params.sort,
      dir: params.dir,
      column: CONTACT_SORTS[params.sort],
      after: params.after,
      before: params.before,
      take: PAGE_SIZE,
      read: (segment, take) =>
        client.contact.findMany({
          where: { AND: [where, segment.where as Prisma.ContactWhereInput] },
          orderBy: segment.orderBy,
          take,
          include: { account: { select: { id: true, name: true } } },
        }),
    }),
    client.contact.count({ where, take: COUNT_LIMIT + 1 }),
  ]);
  return { ...page, total: boundedCount(counted) };
}
