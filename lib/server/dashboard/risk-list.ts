import "server-only";
import { z } from "zod";
import { asVerdictKind, WISHCASTING_THRESHOLD, type Severity, type VerdictKind } from "../../qualification";
import { Prisma, type PrismaClient } from "../db";
import { boundedCount, COUNT_LIMIT, type BoundedCount, type KeysetPage } from "../pagination";
import type { RiskLevel } from "../qualification/stored-assessment";
import { pendingDealSql, type CurrentVersions } from "../qualification/score-currency";
import { readStoredResult } from "../qualification/stored-result";
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
  /** The rep's confidence running ahead of the evidence, and why the adjusted forecast discounts the deal. */
  wishcasting: { repConfidence: number; evidenceProbability: number; because: string[] } | null;
  /** The stored score waits for a background re-score after a settings change. */
  pending: boolean;
}

export interface RiskFilters {
  level?: RiskLevel;
  flag?: string;
  stage?: string;
  verdict?: VerdictKind;
}

/** A stage's label in a deal's pipeline (deals of several pipelines can share a list). */
export type StageLabel = (pipelineId: string, stageId: string) => string;

const RISK_PAGE_SIZE = 20;

const LEVELS = ["critical", "warning", "blocked"] as const;

/** A page of risks by keyset on (severity rank, amount descending, id), with a bounded total. */
export interface RiskPage extends KeysetPage<RiskRow> {
  total: BoundedCount;
}

const cursorSchema = z.tuple([z.number().int().min(0).max(2), z.number(), z.string().min(1)]);
type RiskCursor = z.infer<typeof cursorSchema>;

function decodeRiskCursor(raw: string | undefined): RiskCursor | null {
  if (!raw) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const encodeRiskCursor = (r: Row): string => Buffer.from(JSON.stringify([r.rank, r.amount, r.id])).toString("base64url");

interface Row {
  rank: number;
  id: string;
  name: string;
  accountName: string;
  ownerName: string;
  amount: number;
  currency: string;
  pipelineId: string;
  stage: string;
  level: string;
  verdict: string;
  pending: boolean;
  result: unknown;
}

function where(scope: OpenScope, f: RiskFilters) {
  return Prisma.sql`
    FROM "Opportunity" o JOIN "OpportunityAssessment" a ON a."opportunityId" = o."id"
    WHERE o."organizationId" = ${scope.organizationId} AND o."status" = 'open' AND a."riskLevel" IS NOT NULL
    ${scope.ownerId ? Prisma.sql`AND o."ownerId" = ${scope.ownerId}` : Prisma.empty}
    ${scope.pipelineId ? Prisma.sql`AND o."pipelineId" = ${scope.pipelineId}` : Prisma.empty}
    ${f.level ? Prisma.sql`AND a."riskLevel" = ${f.level}` : Prisma.empty}
    ${f.flag ? Prisma.sql`AND a."flagKinds" @> ARRAY[${f.flag}]::text[]` : Prisma.empty}
    ${f.stage ? Prisma.sql`AND o."stage" = ${f.stage}` : Prisma.empty}
    ${f.verdict ? Prisma.sql`AND a."verdict" = ${f.verdict}` : Prisma.empty}`;
}

const RANK = Prisma.sql`(CASE a."riskLevel" WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END)`;

/**
 * One page of the open deals that need a second look, most severe first, then largest. Filtering and ordering
 * run in SQL over the stored assessments; only the rows shown have their explained result read. Pages are
 * keyset-based on (severity rank, -amount, id), so deep pages cost the same as the first.
 */
export async function findRisks(
  client: PrismaClient,
  scope: OpenScope,
  filters: RiskFilters,
  cursor: { after?: string; before?: string },
  stageLabel: StageLabel,
  current: CurrentVersions,
): Promise<RiskPage> {
  const before = decodeRiskCursor(cursor.before);
  const after = before ? null : decodeRiskCursor(cursor.after);
  const at = before ?? after;
  const key = Prisma.sql`(${RANK}, -o."amount"::float8, o."id")`;
  const seek = at ? Prisma.sql`AND ${key} ${before ? Prisma.sql`<` : Prisma.sql`>`} (${at[0]}::int, ${-at[1]}::float8, ${at[2]})` : Prisma.empty;
  const order = before ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const [[{ total } = { total: 0 }], rows] = await Promise.all([
    client.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS "total" FROM (SELECT 1 ${where(scope, filters)} LIMIT ${COUNT_LIMIT + 1}) t`,
    // The page is chosen on the narrow columns first (an index-only read of the assessments); names and the
    // explained result are read for its rows alone, not sorted along with every flagged deal.
    client.$queryRaw<Row[]>`
      SELECT p."rank", o."id", o."name", ac."name" AS "accountName", u."name" AS "ownerName", o."amount"::float8 AS "amount", o."currency",
        o."pipelineId", o."stage", a."riskLevel" AS "level", a."verdict", ${pendingDealSql(current)} AS "pending", a."result"
      FROM (SELECT ${RANK}::int AS "rank", o."id", o."amount" ${where(scope, filters)} ${seek}
            ORDER BY ${RANK} ${order}, o."amount" ${before ? Prisma.sql`ASC` : Prisma.sql`DESC`}, o."id" ${order}
            LIMIT ${RISK_PAGE_SIZE + 1}) p
      JOIN "Opportunity" o ON o."id" = p."id" JOIN "OpportunityAssessment" a ON a."opportunityId" = o."id"
      JOIN "Account" ac ON ac."id" = o."accountId" JOIN "User" u ON u."id" = o."ownerId"
      ORDER BY p."rank" ${order}, p."amount" ${before ? Prisma.sql`ASC` : Prisma.sql`DESC`}, p."id" ${order}`,
  ]);
  const more = rows.length > RISK_PAGE_SIZE;
  const page = rows.slice(0, RISK_PAGE_SIZE);
  if (before) page.reverse();
  const hasNext = before ? true : more;
  const hasPrevious = before ? more : at !== null;
  return {
    rows: page.map((r) => toRiskRow(r, (id) => stageLabel(r.pipelineId, id))),
    next: hasNext && page.length > 0 ? encodeRiskCursor(page.at(-1)!) : null,
    previous: hasPrevious && page.length > 0 ? encodeRiskCursor(page[0]!) : null,
    total: boundedCount(total),
  };
}

function toRiskRow(r: Row, label: (id: string) => string): RiskRow {
  const result = readStoredResult(r.result, new Date());
  const verdict = asVerdictKind(r.verdict);
  const verdictReason = verdict === "pursue" ? null : (result.verdict.reasons[0]?.text ?? null);
  const gate = result.nextGate && !result.nextGate.allowed ? result.nextGate : null;
  return {
    id: r.id,
    name: r.name,
    accountName: r.accountName,
    ownerName: r.ownerName,
    amount: r.amount,
    currency: r.currency,
    stageLabel: label(r.stage),
    level: LEVELS.find((l) => l === r.level) ?? "warning",
    verdict,
    verdictReason,
    pending: r.pending,
    // Critical first: the row shows the worst news at the top. A flag that is itself the verdict's reason
    // (a critical stale deal means nurture) is said once.
    flags: result.flags
      .filter((f) => f.text !== verdictReason)
      .map((f) => ({ severity: f.severity, text: f.text }))
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "critical" ? -1 : 1)),
    gate: gate ? { toStageLabel: label(gate.toStageId), blockers: gate.blockers.map((b) => b.message) } : null,
    wishcasting:
      result.wishcasting && result.wishcasting.gap >= WISHCASTING_THRESHOLD
        ? {
            repConfidence: result.wishcasting.repConfidence,
            evidenceProbability: result.wishcasting.evidenceProbability,
            because: result.wishcasting.because,
          }
        : null,
  };
}
