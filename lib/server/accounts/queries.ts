import "server-only";
import type { z } from "zod";
import { filterText, listParamsSchema, PAGE_SIZE } from "../../validation/list-params";
import { db } from "../db";
import { notFound } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { orderByColumn, toPage } from "../pagination";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

export const accountListParams = listParamsSchema(["name", "industry", "employeeCount", "region", "createdAt", "fit"], "name").extend({
  industry: filterText,
  region: filterText,
});
export type AccountListParams = z.infer<typeof accountListParams>;

/** The list's filters as a where; export reads it too, so a download holds exactly what the list shows. */
export function accountWhere(user: SessionUser, params: AccountListParams): Prisma.AccountWhereInput {
  return inOrg(user, {
    ...(params.q && {
      OR: [
        { name: { contains: params.q, mode: "insensitive" as const } },
        { domain: { contains: params.q, mode: "insensitive" as const } },
      ],
    }),
    ...(params.industry && { industry: { equals: params.industry, mode: "insensitive" as const } }),
    ...(params.region && { region: params.region }),
  });
}

export async function findAccounts(user: SessionUser, params: AccountListParams) {
  const where = accountWhere(user, params);
  const [rows, total] = await Promise.all([
    db().account.findMany({
      where,
      // Fit is the stored account assessment's score (the ICP's verdict on the account), not a column of Account.
      orderBy: [params.sort === "fit" ? { assessment: { fit: params.dir } } : orderByColumn(params.sort, params.dir, ["industry", "employeeCount", "region"]), { id: "asc" }],
      skip: (params.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: {
        owner: { select: { name: true } },
        _count: { select: { opportunities: true, contacts: true } },
        assessment: { select: { fit: true, verdict: true, pending: true } },
      },
    }),
    db().account.count({ where }),
  ]);
  return toPage(rows, total, params.page, PAGE_SIZE);
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
  return account;
}

export async function listAccountOptions(user: SessionUser) {
  return db().account.findMany({ where: inOrg(user), select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export async function listIndustries(user: SessionUser): Promise<string[]> {
  const rows = await db().account.findMany({
    where: inOrg(user, { industry: { not: null } }),
    select: { industry: true },
    distinct: ["industry"],
    orderBy: { industry: "asc" },
  });
  return rows.flatMap((row) => (row.industry ? [row.industry] : []));
}
