import "server-only";
import { z } from "zod";
import { filterText, listParamsSchema, PAGE_SIZE } from "../../validation/list-params";
import { db } from "../db";
import { notFound } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { orderByColumn, toPage } from "../pagination";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

export const opportunityListParams = listParamsSchema(["name", "amount", "expectedCloseDate", "stage", "updatedAt"], "updatedAt", "desc").extend({
  stage: filterText,
  status: z.enum(["open", "won", "lost", "all"]).catch("open").default("open"),
  owner: z.enum(["me", "all"]).catch("all").default("all"),
  /** Filters on the stored assessment: verdict, a flag kind, and the dashboard's risk level. */
  verdict: z.enum(["pursue", "nurture", "disqualify"]).optional().catch(undefined),
  flag: z.string().trim().regex(/^[a-z_]{1,40}$/).optional().catch(undefined),
  risk: z.enum(["critical", "warning", "blocked", "any"]).optional().catch(undefined),
});
export type OpportunityListParams = z.infer<typeof opportunityListParams>;

/** The list's filters as a where; export reads it too, so a download holds exactly what the list shows. */
export function opportunityWhere(user: SessionUser, params: OpportunityListParams): Prisma.OpportunityWhereInput {
  return inOrg(user, {
    ...(params.q && {
      OR: [
        { name: { contains: params.q, mode: "insensitive" as const } },
        { account: { name: { contains: params.q, mode: "insensitive" as const } } },
      ],
    }),
    ...(params.stage && { stage: params.stage }),
    ...(params.status !== "all" && { status: params.status }),
    ...(params.owner === "me" && { ownerId: user.id }),
    ...((params.verdict || params.flag || params.risk) && {
      assessment: {
        ...(params.verdict && { verdict: params.verdict }),
        ...(params.flag && { flagKinds: { has: params.flag } }),
        ...(params.risk && { riskLevel: params.risk === "any" ? { not: null } : params.risk }),
      },
    }),
  });
}

export async function findOpportunities(user: SessionUser, params: OpportunityListParams) {
  const where = opportunityWhere(user, params);
  const [rows, total] = await Promise.all([
    db().opportunity.findMany({
      where,
      orderBy: [orderByColumn(params.sort, params.dir, ["expectedCloseDate"]), { id: "asc" }],
      skip: (params.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: {
        account: { select: { id: true, name: true } },
        owner: { select: { id: true, name: true } },
        assessment: { select: { verdict: true, intent: true, maxSeverity: true, flagCount: true, pending: true } },
      },
    }),
    db().opportunity.count({ where }),
  ]);
  return toPage(rows, total, params.page, PAGE_SIZE);
}

export async function getOpportunity(user: SessionUser, id: string) {
  const opportunity = await db().opportunity.findFirst({
    where: inOrg(user, { id }),
    include: {
      account: true,
      owner: { select: { id: true, name: true } },
      notes: { orderBy: { createdAt: "desc" }, include: { author: { select: { name: true } } } },
    },
  });
  if (!opportunity) throw notFound("Opportunity");
  return opportunity;
}
