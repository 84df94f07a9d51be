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

/** A page of risks by keyset on (severity rank, amount descending, id descending), with a bounded total. */
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

const encodeRiskCursor = (r: Key): string => Buffer.from(JSON.stringify([r.rank, r.amount, r.id])).toString("base64url");

interface Row {
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

/** Conditions on the deal itself: its organization, open, and the scope's and filters' owner, pipeline and stage. */
function dealConditions(scope: OpenScope, f: RiskFilters) {
  return Prisma.sql`o."organizationId" = ${scope.organizationId} AND o."status" = 'open'
    ${scope.ownerId ? Prisma.sql`AND o."ownerId" = ${scope.ownerId}` : Prisma.empty}
    ${scope.pipelineId ? Prisma.sql`AND o."pipelineId" = ${scope.pipelineId}` : Prisma.empty}
    ${f.stage ? Prisma.sql`AND o."stage" = ${f.stage}` : Prisma.empty}`;
}

/** Conditions on the stored score: the filters' flag kind and verdict. */
function scoreConditions(f: RiskFilters) {
  return Prisma.sql`${f.flag ? Prisma.sql`AND a."flagKinds" @> ARRAY[${f.flag}]::text[]` : Prisma.empty}
    ${f.verdict ? Prisma.sql`AND a."verdict" = ${f.verdict}` : Prisma.empty}`;
}

const where = (scope: OpenScope, f: RiskFilters) => Prisma.sql`
    FROM "Opportunity" o JOIN "OpportunityAssessment" a ON a."opportunityId" = o."id"
    WHERE ${dealConditions(scope, f)} AND a."riskLevel" IS NOT NULL
    ${f.level ? Prisma.sql`AND a."riskLevel" = ${f.level}` : Prisma.empty} ${scoreConditions(f)}`;

/** A deal on the page: its severity rank (0 most severe), amount and id, the page's order. */
interface Key {
  rank: number;
  id: string;
  amount: number;
}

/** Deals walked per severity in amount order before the page is taken from the stored scores' side instead. */
const WALK = 2000;

/**
 * The next `wanted` deals of one severity after `at` (amount descending, then id descending; ascending when
 * paging back). Most flagged deals share the top severities, so walking the open deals largest first (their
 * amount index) finds a page within a few dozen: 1–5 ms at 100,000 deals, where joining and sorting every flagged
 * deal took 100 ms. The walk is bounded: found complete within WALK deals, these are the severity's largest, since
 * every deal after them is no larger. A rarer severity (or one the largest deals lack) is read from the stored
 * scores' side and sorted, which costs what the old query did, once per severity reached.
 */
async function severityPage(
  client: PrismaClient,
  scope: OpenScope,
  f: RiskFilters,
  rank: number,
  seek: Prisma.Sql,
  backward: boolean,
  wanted: number,
  walk: number,
): Promise<Key[]> {
  const dir = backward ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const level = LEVELS[rank];
  const walked = await client.$queryRaw<Key[]>`
    SELECT ${rank}::int AS "rank", w."id", w."amount"::float8 AS "amount"
    FROM (SELECT o."id", o."amount" FROM "Opportunity" o WHERE ${dealConditions(scope, f)} ${seek}
          ORDER BY o."amount" ${dir}, o."id" ${dir} LIMIT ${walk}) w
    JOIN "OpportunityAssessment" a ON a."opportunityId" = w."id"
    WHERE a."riskLevel" = ${level} ${scoreConditions(f)}
    ORDER BY w."amount" ${dir}, w."id" ${dir} LIMIT ${wanted}`;
  if (walked.length === wanted) return walked;
  // MATERIALIZED keeps the planner from walking the amounts again for a severity the walk found sparse.
  return client.$queryRaw<Key[]>`
    WITH s AS MATERIALIZED (SELECT a."opportunityId" FROM "OpportunityAssessment" a
      WHERE a."organizationId" = ${scope.organizationId} AND a."riskLevel" = ${level} ${scoreConditions(f)})
    SELECT ${rank}::int AS "rank", o."id", o."amount"::float8 AS "amount"
    FROM s JOIN "Opportunity" o ON o."id" = s."opportunityId"
    WHERE ${dealConditions(scope, f)} ${seek}
    ORDER BY o."amount" ${dir}, o."id" ${dir} LIMIT ${wanted}`;
}

/**
 * One page of the open deals that need a second look, most severe first, then largest (then id, descending).
 * Filtering and ordering run in SQL over the stored assessments, one severity at a time until the page is full;
 * only the rows shown have their names and explained result read. Pages are keyset-based on (severity rank,
 * amount, id), so deep pages cost the same as the first.
 */
export async function findRisks(
  client: PrismaClient,
  scope: OpenScope,
  filters: RiskFilters,
  cursor: { after?: string; before?: string },
  stageLabel: StageLabel,
  current: CurrentVersions,
  /** Deals walked per severity before the fallback (tests make it small to reach both paths). */
  walk = WALK,
): Promise<RiskPage> {
  const before = decodeRiskCursor(cursor.before);
  const after = before ? null : decodeRiskCursor(cursor.after);
  const at = before ?? after;
  const backward = before !== null;
  const wanted = RISK_PAGE_SIZE + 1;
  const ranks = (backward ? [2, 1, 0] : [0, 1, 2]).filter(
    (rank) => (!filters.level || LEVELS[rank] === filters.level) && (!at || (backward ? rank <= at[0] : rank >= at[0])),
  );
  const pageKeys = async () => {
    const keys: Key[] = [];
    for (const rank of ranks) {
      const seek =
        at && rank === at[0]
          ? Prisma.sql`AND (o."amount", o."id") ${backward ? Prisma.sql`>` : Prisma.sql`<`} (${at[1]}::numeric, ${at[2]})`
          : Prisma.empty;
      keys.push(...(await severityPage(client, scope, filters, rank, seek, backward, wanted - keys.length, walk)));
      if (keys.length === wanted) break;
    }
    return keys;
  };
  const [[{ total } = { total: 0 }], keys] = await Promise.all([
    client.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS "total" FROM (SELECT 1 ${where(scope, filters)} LIMIT ${COUNT_LIMIT + 1}) t`,
    pageKeys(),
  ]);
  const more = keys.length > RISK_PAGE_SIZE;
  const shown = keys.slice(0, RISK_PAGE_SIZE);
  if (backward) shown.reverse();
  const ids = shown.map((k) => k.id);
  const details =
    ids.length === 0
      ? []
      : await client.$queryRaw<Row[]>`
      SELECT o."id", o."name", ac."name" AS "accountName", u."name" AS "ownerName", o."amount"::float8 AS "amount", o."currency",
        o."pipelineId", o."stage", a."riskLevel" AS "level", a."verdict", ${pendingDealSql(current)} AS "pending", a."result"
      FROM "Opportunity" o JOIN "OpportunityAssessment" a ON a."opportunityId" = o."id"
      JOIN "Account" ac ON ac."id" = o."accountId" JOIN "User" u ON u."id" = o."ownerId"
      WHERE o."id" = ANY(${ids}) AND o."organizationId" = ${scope.organizationId}`;
  const byId = new Map(details.map((r) => [r.id, r]));
  const page = shown.flatMap((k) => {
    const row = byId.get(k.id);
    return row ? [{ ...row, rank: k.rank, amount: k.amount }] : [];
  });
  const hasNext = backward ? true : more;
  const hasPrevious = backward ? more : at !== null;
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
