import "server-only";
import type { z } from "zod";
import { filterText, listParamsSchema, PAGE_SIZE } from "../../validation/list-params";
import { db, readDb } from "../db";
import { notFound } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { boundedCount, column, COUNT_LIMIT, keysetPage, SEARCH_ACCOUNT_LIMIT, type SortColumn } from "../pagination";
import { accountScorePending, currentVersions, type CurrentVersions } from "../qualification/score-currency";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

export const accountListParams = listParamsSchema(["name", "industry", "employeeCount", "region", "createdAt", "fit"], "name").extend({
  industry: filterText,
  region: filterText,
  /** One colleague's accounts (their id); empty for everyone's. */
  owner: filterText,
});
export type AccountListParams = z.infer<typeof accountListParams>;

const accountListInclude = {
  owner: { select: { name: true } },
  assessment: { select: { fit: true, verdict: true, icpVersion: true } },
} as const;
type AccountRow = Prisma.AccountGetPayload<{ include: typeof accountListInclude }>;

/** Every offered sort, each served by an index on (organizationId, column, id). */
const ACCOUNT_SORTS: Record<AccountListParams["sort"], SortColumn<AccountRow>> = {
  name: column("name", "string"),
  industry: column("industry", "string", true),
  employeeCount: column("employeeCount", "number", true),
  region: column("region", "string", true),
  createdAt: column("createdAt", "date"),
  // Fit is the stored account assessment's score (the ICP's verdict on the account), not a column of Account.
  // Every account has one (written with the account, backfilled otherwise), so it pages like a plain column.
  fit: {
    nullable: false,
    kind: "number",
    where: (f) => ({ assessment: { is: { fit: f } } }),
    orderBy: (dir) => ({ assessment: { fit: dir } }),
    value: (row) => row.assessment?.fit ?? 0,
  },
};

/** The list's filters as a `where`; other filters (e.g. fit) are added here. */
export function accountListWhere(user: SessionUser, params: AccountListParams): Prisma.AccountWhereInput {
  return inOrg(user, {
    // Trigram indexes on name and domain serve the substring search.
    ...(params.q && {
      OR: [{ name: { contains: params.q, mode: "insensitive" as const } }, { domain: { contains: params.q, mode: "insensitive" as const } }],
    }),
    ...(params.industry && { industry: params.industry }),
    ...(params.region && { region: params.region }),
    ...(params.owner && { ownerId: params.owner }),
  });
}

/** One page of accounts by keyset, with deal counts for the shown accounts only and a bounded total. */
export async function findAccounts(user: SessionUser, params: AccountListParams) {
  const where = accountListWhere(user, params);
  const client = readDb();
  const [page, counted, current] = await Promise.all([
    keysetPage({
      sort: params.sort,
      dir: params.dir,
      column: ACCOUNT_SORTS[params.sort],
      after: params.after,
      before: params.before,
      take: PAGE_SIZE,
      read: (segment, take) =>
        client.account.findMany({
          where: { AND: [where, segment.where as Prisma.AccountWhereInput] },
          orderBy: segment.orderBy,
          take,
          include: accountListInclude,
        }),
    }),
    client.account.count({ where, take: COUNT_LIMIT + 1 }),
    currentVersions(client, user.organizationId),
  ]);
  const ids = page.rows.map((a) => a.id);
  const deals =
    ids.length === 0
      ? []
      : await client.opportunity.groupBy({
          by: ["accountId"],
          where: { organizationId: user.organizationId, accountId: { in: ids } },
          _count: { _all: true },
        });
  const dealCount = new Map(deals.map((d) => [d.accountId, d._count._all]));
  return {
    ...page,
    rows: page.rows.map((a) => ({ ...a, assessment: withPending(a.assessment, current), dealCount: dealCount.get(a.id) ?? 0 })),
    total: boundedCount(counted),
  };
}

/** A stored account score with whether it waits for the re-score after an ICP change. */
function withPending<T extends { icpVersion: number }>(stored: T | null, current: CurrentVersions): (T & { pending: boolean }) | null {
  return stored && { ...stored, pending: accountScorePending(stored, current) };
}

/** Ids of the organization's accounts whose name contains `q` (at most SEARCH_ACCOUNT_LIMIT), for searching child lists. */
export async function accountsNamed(user: SessionUser, q: string): Promise<string[]> {
  if (!q) return [];
  const rows = await readDb().account.findMany({
    where: inOrg(user, { name: { contains: q, mode: "insensitive" as const } }),
    select: { id: true },
    take: SEARCH_ACCOUNT_LIMIT,
  });
  return rows.map((r) => r.id);
}

export async function getAccount(user: SessionUser, id: string) {
  const account = await db().account.findFirst({
    where: inOrg(user, { id }),
    include: {
      owner: { select: { id: true, name: true } },
      contacts: { orderBy: { name: "asc" } },
      opportunities: { orderBy: { createdAt: "desc" }, include: { owner: { select: { name: true } } } },
      notes: { orderBy: { createdAt: "desc" }, take: 50, include: { author: { select: { name: true } } } },
      assessment: true,
    },
  });
  if (!account) throw notFound("Account");
  return { ...account, assessment: withPending(account.assessment, await currentVersions(db(), user.organizationId)) };
}

/** One account as a picker shows it, if it is in the caller's organization (the picker searches for the rest). */
export async function findAccountOption(user: SessionUser, id: string | undefined) {
  if (!id) return null;
  return db().account.findFirst({ where: inOrg(user, { id }), select: { id: true, name: true } });
}

/** At most this many industries are offered as filter choices (an organization has a few dozen). */
const INDUSTRY_CHOICES = 500;

/**
 * The industries the organization's accounts are in, for the list's filter. A skip scan over the
 * (organizationId, industry) index: one index probe per distinct industry, where DISTINCT (or Prisma's
 * `distinct`, which dedupes in Node) reads every account.
 */
export async function listIndustries(user: SessionUser): Promise<string[]> {
  const rows = await readDb().$queryRaw<Array<{ industry: string }>>`
    WITH RECURSIVE industries AS (
      (SELECT "industry" FROM "Account" WHERE "organizationId" = ${user.organizationId} AND "industry" IS NOT NULL ORDER BY "industry" LIMIT 1)
      UNION ALL
      SELECT (SELECT a."industry" FROM "Account" a WHERE a."organizationId" = ${user.organizationId} AND a."industry" > i."industry" ORDER BY a."industry" LIMIT 1)
      FROM industries i WHERE i."industry" IS NOT NULL
    )
    SELECT "industry" FROM industries WHERE "industry" IS NOT NULL LIMIT ${INDUSTRY_CHOICES}`;
  return rows.map((r) => r.industry);
}
