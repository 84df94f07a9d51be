import { assessAccount } from "../../qualification";
import type { PrismaClient } from "../db";
import type { OpportunityStatus } from "../generated/prisma/client";
import { assess } from "./assess";
import { scoreChanged } from "./score-history";
import { loadAllPipelineSettings, loadQualificationSettings, type QualificationSettings } from "./settings";
import { assessmentInclude, toAccountProfile } from "./snapshot";
import { needsWrite, saveAccountAssessments, saveOpportunityAssessments, toAccountAssessmentRow, toAssessmentRow } from "./stored-assessment";

/** Deals per batch: each batch is one read with its criteria, evidence and committee, and at most two writes. */
export const DEAL_BATCH = 500;
export const ACCOUNT_BATCH = 2000;

export interface BatchResult {
  scored: number;
  /** Stored rows written: new, pending, or whose content moved. */
  written: number;
  /** Snapshots appended (fit, intent, verdict or stage moved). */
  changed: number;
  /** The last id of the batch, or null when there was nothing after the cursor. */
  cursor: string | null;
}

/**
 * Re-scores the next batch of an organization's deals after `cursor` (keyset on id, so a batch costs the same
 * at row 90,000 as at row 0), compares each result with the stored row's content hash, and writes only the rows
 * that are new, pending or changed, in one statement, appending a snapshot where a score moved. An unchanged
 * row is not touched (its computedAt says when its content last changed). A row a user write re-scored after
 * this batch was read is left alone: its computedAt is newer.
 */
export async function rescoreDealBatch(
  client: PrismaClient,
  organizationId: string,
  options: {
    cursor: string | null; status?: OpportunityStatus; trigger: string; now: Date; size?: number;
    /** Only this pipeline's deals (a save of its framework or stages); all pipelines when absent. */
    pipelineId?: string;
    /** Every pipeline's settings by id, when the caller already loaded them for several batches. */
    settings?: Map<string, QualificationSettings>;
  },
): Promise<BatchResult> {
  const { cursor, status, trigger, now, pipelineId } = options;
  const settingsByPipeline = options.settings ?? (await loadAllPipelineSettings(client, organizationId));
  const rows = await client.opportunity.findMany({
    where: { organizationId, ...(pipelineId && { pipelineId }), ...(status && { status }), ...(cursor && { id: { gt: cursor } }) },
    include: { ...assessmentInclude, assessment: { select: { contentHash: true, pending: true } } },
    orderBy: { id: "asc" },
    take: options.size ?? DEAL_BATCH,
  });
  if (rows.length === 0) return { scored: 0, written: 0, changed: 0, cursor: null };
  const last = rows.at(-1)?.id ?? null;
  // Each deal is scored with its own pipeline's settings; a pipeline created since they were loaded is read now.
  for (const id of new Set(rows.map((r) => r.pipelineId))) {
    if (!settingsByPipeline.has(id)) settingsByPipeline.set(id, await loadQualificationSettings(client, organizationId, id));
  }
  const settingsOf = (id: string) => settingsByPipeline.get(id) as QualificationSettings;
  const assessed = rows
    .map((row) => {
      const settings = settingsOf(row.pipelineId);
      const assessment = assess(row, settings, now);
      return { row, assessment, stored: toAssessmentRow(row, assessment, settings, now) };
    })
    .filter(({ row, stored }) => needsWrite(row.assessment, stored));
  if (assessed.length === 0) return { scored: rows.length, written: 0, changed: 0, cursor: last };
  await saveOpportunityAssessments(client, assessed.map((a) => a.stored), { onlyIfNewer: true });

  // Fit, intent, verdict and stage are part of the stored content: a row whose content did not move has no
  // new snapshot to record, so only the written rows are compared with their latest snapshot.
  const ids = assessed.map(({ row }) => row.id);
  const latest = await client.$queryRaw<Array<{ opportunityId: string; fit: number; intent: number; verdict: string; stage: string }>>`
    SELECT DISTINCT ON ("opportunityId") "opportunityId", "fit", "intent", "verdict", "stage"
    FROM "ScoreSnapshot" WHERE "opportunityId" = ANY(${ids}) ORDER BY "opportunityId", "at" DESC`;
  const lastByDeal = new Map(latest.map((s) => [s.opportunityId, s]));
  const changed = assessed.filter(({ row, assessment }) => scoreChanged(lastByDeal.get(row.id) ?? null, assessment, row.stage));
  if (changed.length > 0) {
    await client.scoreSnapshot.createMany({
      data: changed.map(({ row, assessment }) => ({
        organizationId, opportunityId: row.id, stage: row.stage, fit: assessment.fit.score, intent: assessment.intent.score,
        verdict: assessment.verdict.verdict, trigger, at: now,
      })),
    });
  }
  return { scored: rows.length, written: assessed.length, changed: changed.length, cursor: last };
}

/** The next batch of an organization's accounts after `cursor`, fitted to the current ICP; changed fits stored. */
export async function rescoreAccountBatch(
  client: PrismaClient,
  organizationId: string,
  options: { cursor: string | null; now: Date; settings?: QualificationSettings; size?: number },
): Promise<BatchResult> {
  // Account fit depends on the organization's ICP only, which every pipeline's settings carry.
  const settings = options.settings ?? (await loadQualificationSettings(client, organizationId, null));
  const rows = await client.account.findMany({
    where: { organizationId, ...(options.cursor && { id: { gt: options.cursor } }) },
    include: { assessment: { select: { contentHash: true, pending: true } } },
    orderBy: { id: "asc" },
    take: options.size ?? ACCOUNT_BATCH,
  });
  if (rows.length === 0) return { scored: 0, written: 0, changed: 0, cursor: null };
  const stored = rows
    .map((row) => ({ row, stored: toAccountAssessmentRow(row, assessAccount(toAccountProfile(row), settings.icp), options.now) }))
    .filter(({ row, stored }) => needsWrite(row.assessment, stored))
    .map((r) => r.stored);
  await saveAccountAssessments(client, stored, { onlyIfNewer: true });
  return { scored: rows.length, written: stored.length, changed: 0, cursor: rows.at(-1)?.id ?? null };
}
