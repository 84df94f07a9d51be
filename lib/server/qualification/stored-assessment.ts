import { createHash } from "node:crypto";
import {
  DEFAULT_BAND_FACTORS,
  qualificationBand,
  readableContent,
  type AccountAssessment,
  type Assessment,
  type Pipeline,
  type Severity,
} from "../../qualification";
import { assertNever } from "../../qualification/never";
import { executeBulk } from "../database/bulk-statement";
import type { PrismaClient, Tx } from "../db";
import type { QualificationSettings } from "./settings";

/**
 * Bumped when the engine's formulas, its stored words or the stored shape change, so rows written by an older
 * engine can be found (and re-scored) with SQL: open deals by the hourly sweep, accounts at start-up
 * (`backfillAssessments`). 4: head counts in fit reasons read "1,800 employees".
 */
export const ENGINE_VERSION = 4;

/**
 * critical: a critical flag or "not a fit"; warning: any other flag, "not yet" or "needs evidence" (the deal
 * stands where its evidence does not put it); blocked: only the next gate holds it.
 */
export type RiskLevel = "critical" | "warning" | "blocked";

export function riskLevelOf(assessment: Assessment): RiskLevel | null {
  const { flags, verdict, nextGate } = assessment;
  if (verdict.verdict === "disqualify" || flags.some((f) => f.severity === "critical")) return "critical";
  if (verdict.verdict === "nurture" || verdict.verdict === "unproven" || flags.length > 0) return "warning";
  if (nextGate !== null && !nextGate.allowed) return "blocked";
  return null;
}

function maxSeverity(assessment: Assessment): Severity | null {
  if (assessment.flags.some((f) => f.severity === "critical")) return "critical";
  return assessment.flags.length > 0 ? "warning" : null;
}

/** What one stored row says about a deal: the engine's result as is, plus the columns SQL works with. */
export interface OpportunityAssessmentRow {
  opportunityId: string;
  organizationId: string;
  fit: number;
  intent: number;
  verdict: string;
  riskLevel: RiskLevel | null;
  flagKinds: string[];
  maxSeverity: Severity | null;
  flagCount: number;
  gaps: string[];
  nextStage: string | null;
  blockerCount: number;
  band: string;
  stageProbability: number;
  adjustedProbability: number;
  adjustedAmount: number;
  result: unknown;
  icpVersion: number;
  qualificationVersion: number;
  engineVersion: number;
  computedAt: string;
  /**
   * When time alone may next change this row's content (`reassessAt` in the engine): the hourly sweep re-scores
   * the deals whose instant has come. Null when nothing in it depends on time, and for closed deals, which keep
   * the scorecard they closed with.
   */
  reassessAt: string | null;
  /** See `contentHash`. */
  contentHash: string;
}

/** An ISO timestamp's time of day (and anything finer): content that differs only in it is the same content. */
const TIME_OF_DAY = /T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;

/**
 * A digest of a stored row's content, so a background pass can tell a changed score from an unchanged one
 * without reading the stored JSON back. Timestamps count to the day: the engine derives some dates from "now"
 * (a "not yet" verdict's suggested resume date), and an hourly sweep should not rewrite a row only because that
 * suggestion moved by an hour.
 */
export function contentHash(parts: unknown): string {
  return createHash("sha1").update(JSON.stringify(parts).replace(TIME_OF_DAY, "")).digest("base64url");
}

/**
 * What readers take from a deal's stored result (`storedResultSchema`: the board's and the risk list's texts),
 * with the engine's own definition (`readableContent`, which `reassessAt` keeps stable). The hash covers these and
 * the SQL columns, not the whole explained result: serialising all of it (questions, rule explanations) for every
 * deal of every sweep cost more than the rest of the hash. A change only in parts nobody reads from storage is
 * written with the next change that shows. Keep in step with `storedResultSchema`. Texts are in their stored,
 * day-stable form (`assessInputs(…, "stored")`): a day count moving does not move the hash.
 */
const readableParts = readableContent;

const stageProbability = (pipeline: Pipeline, stageId: string) => pipeline.stages.find((s) => s.id === stageId)?.probability ?? 0;

/**
 * The explained result as stored: what lists and cards read back (`storedResultSchema`: the verdict and its
 * reasons, the flags, the next gate's blockers, the wishcasting gap), nothing more. Fit and intent are columns of
 * their own; their breakdowns, the suggested questions and the gate's requirement detail are shown only by the
 * deal page and the API, which compute the assessment afresh. Writing the rest was most of a background pass's
 * bytes: Node serialised it and PostgreSQL parsed, compressed and logged it for every row (5.4 kB a row, now
 * about 1.4 kB). Rows an older engine stored with more still read the same.
 */
function storedResult(assessment: Assessment) {
  const { verdict, flags, nextGate, wishcasting } = assessment;
  return {
    verdict,
    flags: flags.map(withoutDayCount),
    nextGate: nextGate && {
      allowed: nextGate.allowed,
      toStageId: nextGate.toStageId,
      blockers: nextGate.blockers.map(({ code, message }) => ({ code, message })),
    },
    wishcasting,
  };
}

/** A flag as stored: its day count would be stale tomorrow (the text carries the instant it counts from). */
function withoutDayCount(flag: Assessment["flags"][number]) {
  switch (flag.kind) {
    case "stale_deal": {
      const { daysSinceActivity: _days, ...rest } = flag;
      return rest;
    }
    case "silent_champion": {
      const { daysSilent: _days, ...rest } = flag;
      return rest;
    }
    case "close_date_past": {
      const { daysPast: _days, ...rest } = flag;
      return rest;
    }
    case "stakeholder_never_engaged": {
      const { daysSinceAdded: _days, ...rest } = flag;
      return rest;
    }
    case "budget_unconfirmed_late":
    case "close_date_slipped":
    case "evidence_stale":
      return flag;
    default:
      return assertNever(flag);
  }
}

export function toAssessmentRow(
  deal: { id: string; organizationId: string; stage: string; amount: unknown; status?: string },
  assessment: Assessment,
  settings: QualificationSettings,
  now: Date,
): OpportunityAssessmentRow {
  const band = qualificationBand(assessment.intent.score);
  const probability = stageProbability(settings.pipeline, deal.stage);
  const adjustedProbability = Math.min(1, probability * DEFAULT_BAND_FACTORS[band]);
  const row = {
    opportunityId: deal.id,
    organizationId: deal.organizationId,
    fit: assessment.fit.score,
    intent: assessment.intent.score,
    verdict: assessment.verdict.verdict,
    riskLevel: riskLevelOf(assessment),
    flagKinds: [...new Set(assessment.flags.map((f) => f.kind))],
    maxSeverity: maxSeverity(assessment),
    flagCount: assessment.flags.length,
    gaps: assessment.intent.gaps.map((g) => `${g.criterionId}:${g.kind}`),
    nextStage: assessment.nextGate?.toStageId ?? null,
    blockerCount: assessment.nextGate?.blockers.length ?? 0,
    band,
    stageProbability: probability,
    adjustedProbability,
    adjustedAmount: Math.round(Number(deal.amount) * adjustedProbability * 100) / 100,
    result: storedResult(assessment),
    icpVersion: settings.icp.version,
    qualificationVersion: settings.qualificationVersion,
    engineVersion: ENGINE_VERSION,
    computedAt: now.toISOString(),
  };
  const open = deal.status === undefined || deal.status === "open";
  const reassessAt = open ? (assessment.reassessAt?.toISOString() ?? null) : null;
  const { opportunityId: _id, organizationId: _org, result: _result, computedAt: _at, ...columns } = row;
  return { ...row, reassessAt, contentHash: contentHash([columns, readableParts(assessment)]) };
}

interface WriteOptions {
  /**
   * Background batches read before they write: with this set, a row that a user's write re-scored in between
   * (a newer computedAt) is kept rather than overwritten with the batch's older view.
   */
  onlyIfNewer?: boolean;
  /**
   * One row only: replace the stored row only if it is still at this row version (`LoadedDeal.storedVersion`;
   * null: only if none is stored). Nothing is written otherwise, and 0 is returned.
   */
  storedVersion?: string | null;
}

/**
 * Writes (or replaces) stored assessments, any number in one statement with one bind parameter, so a batch of
 * thousands stays far from PostgreSQL's parameter limit. Every writer goes through here. Returns the number of
 * rows written.
 */
export async function saveOpportunityAssessments(
  client: PrismaClient | Tx,
  rows: OpportunityAssessmentRow[],
  options: WriteOptions = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const newer = options.onlyIfNewer === true;
  const guarded = options.storedVersion !== undefined;
  if (guarded && rows.length !== 1) throw new Error("storedVersion guards a single row");
  return executeBulk(client, SAVE_OPPORTUNITY_ASSESSMENTS, [JSON.stringify(rows), newer, guarded, options.storedVersion ?? null]);
}

const SAVE_OPPORTUNITY_ASSESSMENTS = `
    INSERT INTO "OpportunityAssessment" ("opportunityId", "organizationId", "fit", "intent", "verdict", "riskLevel", "flagKinds",
      "maxSeverity", "flagCount", "gaps", "nextStage", "blockerCount", "band", "stageProbability", "adjustedProbability",
      "adjustedAmount", "result", "icpVersion", "qualificationVersion", "engineVersion", "computedAt", "contentHash", "reassessAt")
    SELECT r."opportunityId", r."organizationId", r."fit", r."intent", r."verdict", r."riskLevel", r."flagKinds",
      r."maxSeverity", r."flagCount", r."gaps", r."nextStage", r."blockerCount", r."band", r."stageProbability", r."adjustedProbability",
      r."adjustedAmount", r."result", r."icpVersion", r."qualificationVersion", r."engineVersion", r."computedAt", r."contentHash", r."reassessAt"
    FROM jsonb_to_recordset($1::jsonb) AS r("opportunityId" text, "organizationId" text, "fit" int, "intent" int,
      "verdict" text, "riskLevel" text, "flagKinds" text[], "maxSeverity" text, "flagCount" int, "gaps" text[], "nextStage" text,
      "blockerCount" int, "band" text, "stageProbability" float8, "adjustedProbability" float8, "adjustedAmount" numeric,
      "result" jsonb, "icpVersion" int, "qualificationVersion" int, "engineVersion" int, "computedAt" timestamp(3), "contentHash" text,
      "reassessAt" timestamp(3))
    ON CONFLICT ("opportunityId") DO UPDATE SET
      "fit" = EXCLUDED."fit", "intent" = EXCLUDED."intent", "verdict" = EXCLUDED."verdict", "riskLevel" = EXCLUDED."riskLevel",
      "flagKinds" = EXCLUDED."flagKinds", "maxSeverity" = EXCLUDED."maxSeverity", "flagCount" = EXCLUDED."flagCount",
      "gaps" = EXCLUDED."gaps", "nextStage" = EXCLUDED."nextStage", "blockerCount" = EXCLUDED."blockerCount", "band" = EXCLUDED."band",
      "stageProbability" = EXCLUDED."stageProbability", "adjustedProbability" = EXCLUDED."adjustedProbability",
      "adjustedAmount" = EXCLUDED."adjustedAmount", "result" = EXCLUDED."result", "icpVersion" = EXCLUDED."icpVersion",
      "qualificationVersion" = EXCLUDED."qualificationVersion", "engineVersion" = EXCLUDED."engineVersion",
      "computedAt" = EXCLUDED."computedAt", "contentHash" = EXCLUDED."contentHash", "reassessAt" = EXCLUDED."reassessAt"
    WHERE (NOT $2::boolean OR "OpportunityAssessment"."computedAt" <= EXCLUDED."computedAt")
      AND (NOT $3::boolean OR "OpportunityAssessment".xmin::text = $4::text)`;

export interface AccountAssessmentRow {
  accountId: string;
  organizationId: string;
  fit: number;
  verdict: string;
  result: unknown;
  icpVersion: number;
  engineVersion: number;
  computedAt: string;
  contentHash: string;
}

export function toAccountAssessmentRow(
  account: { id: string; organizationId: string },
  assessment: AccountAssessment,
  now: Date,
): AccountAssessmentRow {
  const row = {
    accountId: account.id,
    organizationId: account.organizationId,
    fit: assessment.fit.score,
    verdict: assessment.verdict,
    result: assessment.fit,
    icpVersion: assessment.fit.icpVersion,
    engineVersion: ENGINE_VERSION,
    computedAt: now.toISOString(),
  };
  return { ...row, contentHash: contentHash([row.fit, row.verdict, row.result, row.icpVersion, row.engineVersion]) };
}

export async function saveAccountAssessments(client: PrismaClient | Tx, rows: AccountAssessmentRow[], options: WriteOptions = {}): Promise<void> {
  if (rows.length === 0) return;
  const newer = options.onlyIfNewer === true;
  await executeBulk(client, SAVE_ACCOUNT_ASSESSMENTS, [JSON.stringify(rows), newer]);
}

const SAVE_ACCOUNT_ASSESSMENTS = `
    INSERT INTO "AccountAssessment" ("accountId", "organizationId", "fit", "verdict", "result", "icpVersion", "engineVersion", "computedAt", "contentHash")
    SELECT r."accountId", r."organizationId", r."fit", r."verdict", r."result", r."icpVersion", r."engineVersion", r."computedAt", r."contentHash"
    FROM jsonb_to_recordset($1::jsonb) AS r("accountId" text, "organizationId" text, "fit" int, "verdict" text,
      "result" jsonb, "icpVersion" int, "engineVersion" int, "computedAt" timestamp(3), "contentHash" text)
    ON CONFLICT ("accountId") DO UPDATE SET
      "fit" = EXCLUDED."fit", "verdict" = EXCLUDED."verdict", "result" = EXCLUDED."result", "icpVersion" = EXCLUDED."icpVersion",
      "engineVersion" = EXCLUDED."engineVersion", "computedAt" = EXCLUDED."computedAt",
      "contentHash" = EXCLUDED."contentHash"
    WHERE NOT $2::boolean OR "AccountAssessment"."computedAt" <= EXCLUDED."computedAt"`;

/** What a background pass needs to know of a stored row to decide whether to write it. */
export interface StoredState {
  contentHash: string | null;
  /** Epoch ms (as the batch read returns it), or null. */
  reassessAt?: number | null;
}

/** The content is unchanged but the next instant time may change it has moved: only that needs writing. */
export const needsReschedule = (stored: StoredState | null | undefined, row: { reassessAt: string | null }): boolean =>
  !!stored && (stored.reassessAt ?? null) !== (row.reassessAt === null ? null : Date.parse(row.reassessAt));

/**
 * Moves the sweep's next look at rows whose content did not change (one statement, one bind parameter), without
 * rewriting their stored result. Guarded like a batch write: a row re-scored since (newer computedAt) is kept.
 */
export async function rescheduleOpportunityAssessments(
  client: PrismaClient | Tx,
  rows: Array<{ opportunityId: string; reassessAt: string | null; computedAt: string }>,
): Promise<number> {
  if (rows.length === 0) return 0;
  return executeBulk(client, RESCHEDULE_OPPORTUNITY_ASSESSMENTS, [JSON.stringify(rows)]);
}

const RESCHEDULE_OPPORTUNITY_ASSESSMENTS = `
    UPDATE "OpportunityAssessment" a SET "reassessAt" = r."reassessAt"
    FROM jsonb_to_recordset($1::jsonb) AS r("opportunityId" text, "reassessAt" timestamp(3), "computedAt" timestamp(3))
    WHERE a."opportunityId" = r."opportunityId" AND a."computedAt" <= r."computedAt"`;

/**
 * A computed row needs writing when nothing is stored or its content moved. The versions a score used are part
 * of its content, so a score left pending by an ICP or framework save (`score-currency.ts`) is always written.
 */
export const needsWrite = (stored: StoredState | null | undefined, row: { contentHash: string }): boolean =>
  !stored || stored.contentHash !== row.contentHash;
