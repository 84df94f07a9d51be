import "server-only";
import { z } from "zod";
import { VERDICT_KINDS } from "../../qualification";
import { filterText, listParamsSchema, PAGE_SIZE } from "../../validation/list-params";
import { db, readDb } from "../db";
import { notFound } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { boundedCount, column, COUNT_LIMIT, keysetPage, type SortColumn } from "../pagination";
import { accountsNamed } from "../accounts/queries";
import { currentVersions, dealScorePending } from "../qualification/score-currency";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

export const opportunityListParams = listParamsSchema(["name", "amount", "expectedCloseDate", "stage", "updatedAt"], "updatedAt", "desc").extend({
  stage: filterText,
  status: z.enum(["open", "won", "lost", "all"]).catch("open").default("open"),
  /** "all", "me", or one colleague's id. */
  owner: z
    .string()
    .trim()
    .regex(/^[\w-]{1,64}$/)
    .catch("all")
    .default("all"),
  /** One pipeline's deals (its id); absent for every pipeline. */
  pipeline: z
    .string()
    .trim()
    .regex(/^[\w-]{1,64}$/)
    .optional()
    .catch(undefined),
  /** Filters on the stored assessment: verdict, a flag kind, and the dashboard's risk level. */
  verdict: z.enum(VERDICT_KINDS).optional().catch(undefined),
  flag: z
    .string()
    .trim()
    .regex(/^[a-z_]{1,40}$/)
    .optional()
    .catch(undefined),
  risk: z.enum(["critical", "warning", "blocked", "any"]).optional().catch(undefined),
});
export type OpportunityListParams = z.infer<typeof opportunityListParams>;

const opportunityListInclude = {
  account: { select: { id: true, name: true } },
  owner: { select: { id: true, name: true } },
  assessment: { select: { verdict: true, intent: true, maxSeverity: true, flagCount: true, icpVersion: true, qualificationVersion: true } },
} as const;
type OpportunityRow = Prisma.OpportunityGetPayload<{ include: typeof opportunityListInclude }>;

/** Every offered sort, each with an index on (organizationId, column, id). */
const OPPORTUNITY_SORTS: Record<OpportunityListParams["sort"], SortColumn<OpportunityRow>> = {
  name: column("name", "string"),
  amount: column("amount", "decimal"),
  expectedCloseDate: column("expectedCloseDate", "date", true),
  stage: column("stage", "string"),
  updatedAt: column("updatedAt", "date"),
};

/** The list's filters as a `where`; further filters (verdict, flags, risk) are added here. */
export function opportunityListWhere(
  user: SessionUser,
  params: OpportunityListParams,
  matchingAccountIds: string[] = [],
): Prisma.OpportunityWhereInput {
  const like = { contains: params.q, mode: "insensitive" as const };
  return inOrg(user, {
    ...(params.q && { OR: [{ name: like }, { accountId: { in: matchingAccountIds } }] }),
    ...(params.pipeline && { pipelineId: params.pipeline }),
    ...(params.stage && { stage: params.stage }),
    ...(params.status !== "all" && { status: params.status }),
    ...(params.owner !== "all" && { ownerId: params.owner === "me" ? user.id : params.owner }),
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
  const client = readDb();
  const where = opportunityListWhere(user, params, await accountsNamed(user, params.q));
  const [page, counted, current] = await Promise.all([
    keysetPage({
      sort: params.sort,
      dir: params.dir,
      column: OPPORTUNITY_SORTS[params.sort],
      after: params.after,
      before: params.before,
      take: PAGE_SIZE,
      read: (segment, take) =>
        client.opportunity.findMany({
          where: { AND: [where, segment.where as Prisma.OpportunityWhereInput] },
          orderBy: segment.orderBy,
          take,
          include: opportunityListInclude,
        }),
    }),
    client.opportunity.count({ where, take: COUNT_LIMIT + 1 }),
    currentVersions(client, user.organizationId),
  ]);
  const rows = page.rows.map((o) => ({ ...o, assessment: o.assessment && { ...o.assessment, pending: dealScorePending(o, o.assessment, current) } }));
  return { ...page, rows, total: boundedCount(counted) };
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
