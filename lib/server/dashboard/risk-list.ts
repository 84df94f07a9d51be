import "server-only";
import type { Pipeline, Severity, VerdictKind } from "../../qualification";
import { Prisma, type PrismaClient } from "../db";
import { toPage, type Page } from "../pagination";
import type { RiskLevel } from "../qualification/stored-assessment";
import { asVerdict, storedResultSchema } from "../qualification/stored-result";
import type { OpenScope } from "./aggregates";

export type { RiskLevel };

export interface RiskRow {
  id: string;
  name: string;
  accountName: string;
  ownerName: string;
  amount: number;
  currency: string;
  stageLabel: string;
  level: RiskLevel;
  verdict: VerdictKind;
  /** The engine's deciding reason, for nurture and disqualify verdicts. */
  verdictReason: string | null;
  flags: Array<{ severity: Severity; text: string }>;
  gate: { toStageLabel: string; blockers: string[] } | null;
  /** The stored score waits for a background re-score after a settings change. */
  pending: boolean;
}

export interface RiskFilters {
  level?: RiskLevel;
  flag?: string;
  stage?: string;
  verdict?: VerdictKind;
}

export const RISK_PAGE_SIZE = 20;

const LEVELS = ["critical", "warning", "blocked"] as const;

interface Row {
  id: string; name: string; accountName: string; ownerName: string; amount: number; currency: string; stage: string;
  level: string; verdict: string; pending: boolean; result: unknown;
}

function where(scope: OpenScope, f: RiskFilters, withNames = false) {
  return Prisma.sql`
    FROM "Opportunity" o JOIN "OpportunityAssessment" a ON a."opportunityId" = o."id"
    ${withNames ? Prisma.sql`JOIN "Account" ac ON ac."id" = o."accountId" JOIN "User" u ON u."id" = o."ownerId"` : Prisma.empty}
    WHERE o."organizationId" = ${scope.organizationId} AND o."status" = 'open' AND a."riskLevel" IS NOT NULL
    ${scope.ownerId ? Prisma.sql`AND o."ownerId" = ${scope.ownerId}` : Prisma.empty}
    ${f.level ? Prisma.sql`AND a."riskLevel" = ${f.level}` : Prisma.empty}
    ${f.flag ? Prisma.sql`AND a."flagKinds" @> ARRAY[${f.flag}]::text[]` : Prisma.empty}
    ${f.stage ? Prisma.sql`AND o."stage" = ${f.stage}` : Prisma.empty}
    ${f.verdict ? Prisma.sql`AND a."verdict" = ${f.verdict}` : Prisma.empty}`;
}

/**
 * One page of the open deals that need a second look, most severe first, then largest. Filtering and ordering
 * run in SQL over the stored assessments; only the rows shown have their explained result read.
 */
export async function findRisks(client: PrismaClient, scope: OpenScope, filters: RiskFilters, page: number, pipeline: Pipeline): Promise<Page<RiskRow>> {
  const [{ total } = { total: 0 }] = await client.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS "total" ${where(scope, filters)}`;
  const pageCount = Math.max(1, Math.ceil(total / RISK_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = total === 0 ? [] : await client.$queryRaw<Row[]>`
    SELECT o."id", o."name", ac."name" AS "accountName", u."name" AS "ownerName", o."amount"::float8 AS "amount", o."currency", o."stage",
      a."riskLevel" AS "level", a."verdict", a."pending", a."result"
    ${where(scope, filters, true)}
    ORDER BY CASE a."riskLevel" WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, o."amount" DESC, o."name", o."id"
    LIMIT ${RISK_PAGE_SIZE} OFFSET ${(current - 1) * RISK_PAGE_SIZE}`;
  const label = (id: string) => pipeline.stages.find((s) => s.id === id)?.label ?? id;
  return toPage(rows.map((r) => toRiskRow(r, label)), total, current, RISK_PAGE_SIZE);
}

function toRiskRow(r: Row, label: (id: string) => string): RiskRow {
  const result = storedResultSchema.parse(r.result);
  const verdict = asVerdict(r.verdict);
  const verdictReason = verdict === "pursue" ? null : (result.verdict.reasons[0]?.text ?? null);
  const gate = result.nextGate && !result.nextGate.allowed ? result.nextGate : null;
  return {
    id: r.id, name: r.name, accountName: r.accountName, ownerName: r.ownerName, amount: r.amount, currency: r.currency,
    stageLabel: label(r.stage), level: LEVELS.find((l) => l === r.level) ?? "warning", verdict, verdictReason, pending: r.pending,
    // Critical first: the row shows the worst news at the top. A flag that is itself the verdict's reason
    // (a critical stale deal means nurture) is said once.
    flags: result.flags
      .filter((f) => f.text !== verdictReason)
      .map((f) => ({ severity: f.severity, text: f.text }))
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "critical" ? -1 : 1)),
    gate: gate ? { toStageLabel: label(gate.toStageId), blockers: gate.blockers.map((b) => b.message) } : null,
  };
}
