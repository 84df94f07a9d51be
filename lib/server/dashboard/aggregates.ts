import "server-only";
import type { GapKind, VerdictKind } from "../../qualification";
import { Prisma, type PrismaClient } from "../db";
import { pendingDealSql, type CurrentVersions } from "../qualification/score-currency";
import type { RiskLevel } from "../qualification/stored-assessment";

/** Open deals of an organization, optionally one owner's: the set every dashboard aggregate is over. */
export interface OpenScope {
  organizationId: string;
  ownerId?: string | null;
  /** One pipeline's deals only; every pipeline's when absent. */
  pipelineId?: string | null;
}

const openDeals = (scope: OpenScope) => Prisma.sql`
  FROM "Opportunity" o JOIN "OpportunityAssessment" a ON a."opportunityId" = o."id"
  WHERE o."organizationId" = ${scope.organizationId} AND o."status" = 'open'
  ${scope.ownerId ? Prisma.sql`AND o."ownerId" = ${scope.ownerId}` : Prisma.empty}
  ${scope.pipelineId ? Prisma.sql`AND o."pipelineId" = ${scope.pipelineId}` : Prisma.empty}`;

export interface StageBandTotal {
  stage: string;
  band: "low" | "medium" | "high";
  count: number;
  amount: number;
  /** Any intent score of the group: all of them fall in `band`, which is all the forecast prices on. */
  intent: number;
}

/** Count and amount of open deals per stage and qualification band: the whole forecast in a few dozen rows. */
export async function stageBandTotals(client: PrismaClient, scope: OpenScope): Promise<StageBandTotal[]> {
  const rows = await client.$queryRaw<Array<{ stage: string; band: string; count: number; amount: number; intent: number }>>`
    SELECT o."stage", a."band", count(*)::int AS "count", coalesce(sum(o."amount"), 0)::float8 AS "amount", min(a."intent")::int AS "intent"
    ${openDeals(scope)}
    GROUP BY o."stage", a."band"`;
  return rows.map((r) => ({ ...r, band: r.band === "high" ? "high" : r.band === "medium" ? "medium" : "low" }));
}

export async function currencyCounts(client: PrismaClient, scope: OpenScope): Promise<Array<{ currency: string; count: number }>> {
  return client.$queryRaw`SELECT o."currency", count(*)::int AS "count" ${openDeals(scope)} GROUP BY o."currency"`;
}

export async function verdictCounts(client: PrismaClient, scope: OpenScope): Promise<Record<VerdictKind, number>> {
  const rows = await client.$queryRaw<Array<{ verdict: string; count: number }>>`
    SELECT a."verdict", count(*)::int AS "count" ${openDeals(scope)} GROUP BY a."verdict"`;
  const counts: Record<VerdictKind, number> = { pursue: 0, unproven: 0, nurture: 0, disqualify: 0 };
  for (const r of rows) if (r.verdict in counts) counts[r.verdict as VerdictKind] += r.count;
  return counts;
}

export async function riskCounts(client: PrismaClient, scope: OpenScope): Promise<Record<RiskLevel, number>> {
  const rows = await client.$queryRaw<Array<{ level: string; count: number }>>`
    SELECT a."riskLevel" AS "level", count(*)::int AS "count" ${openDeals(scope)} AND a."riskLevel" IS NOT NULL GROUP BY a."riskLevel"`;
  const counts: Record<RiskLevel, number> = { critical: 0, warning: 0, blocked: 0 };
  for (const r of rows) if (r.level in counts) counts[r.level as RiskLevel] += r.count;
  return counts;
}

/** criterionId → gap kind → open deals with that gap. */
export async function gapCounts(client: PrismaClient, scope: OpenScope): Promise<Map<string, Partial<Record<GapKind, number>>>> {
  const rows = await client.$queryRaw<Array<{ gap: string; count: number }>>`
    SELECT g AS "gap", count(*)::int AS "count" FROM (SELECT unnest(a."gaps") AS g ${openDeals(scope)}) AS x GROUP BY g`;
  const byCriterion = new Map<string, Partial<Record<GapKind, number>>>();
  for (const { gap, count } of rows) {
    const at = gap.lastIndexOf(":");
    const criterionId = gap.slice(0, at);
    const kind = gap.slice(at + 1) as GapKind;
    const entry = byCriterion.get(criterionId) ?? {};
    entry[kind] = (entry[kind] ?? 0) + count;
    byCriterion.set(criterionId, entry);
  }
  return byCriterion;
}

/** Open deals whose stored score waits for the re-score after an ICP or framework change. */
export async function pendingScoreCount(client: PrismaClient, scope: OpenScope, current: CurrentVersions): Promise<number> {
  const [row] = await client.$queryRaw<Array<{ count: number }>>`SELECT count(*)::int AS "count" ${openDeals(scope)} AND ${pendingDealSql(current)}`;
  return row?.count ?? 0;
}
