import type { Assessment } from "../../qualification";
import type { PrismaClient, Tx } from "../db";
import { emitEvent } from "../webhooks/emit";
import { assess, loadForAssessment } from "./assess";
import type { OpportunityForAssessment } from "./snapshot";
import { loadQualificationSettings, type QualificationSettings } from "./settings";
import { saveOpportunityAssessments, toAssessmentRow } from "./stored-assessment";

/**
 * Re-scores a deal inside the caller's transaction: stores the engine's result (the row every list, board and
 * dashboard reads) and appends a snapshot when fit, intent, verdict or stage moved, so every score a manager
 * ever saw has a history. Every write that changes a deal's inputs calls this. Returns the fresh assessment.
 */
export async function rescore(
  tx: PrismaClient | Tx,
  organizationId: string,
  opportunityId: string,
  trigger: string,
  now = new Date(),
  /** Pass them when the caller already loaded them in this transaction. */
  knownSettings?: QualificationSettings,
): Promise<Assessment> {
  const row = await loadForAssessment(tx, organizationId, opportunityId);
  // Settings loaded for another pipeline (an account's deals span pipelines) do not score this deal.
  const settings = knownSettings?.pipelineId === row.pipelineId ? knownSettings : await loadQualificationSettings(tx, organizationId, row.pipelineId);
  return rescoreLoaded(tx, organizationId, row, settings, trigger, now);
}

/** `rescore` for a deal already loaded in the caller's transaction. */
export async function rescoreLoaded(
  tx: PrismaClient | Tx,
  organizationId: string,
  row: OpportunityForAssessment,
  settings: QualificationSettings,
  trigger: string,
  now: Date,
): Promise<Assessment> {
  const opportunityId = row.id;
  const assessment = assess(row, settings, now);
  await saveOpportunityAssessments(tx, [toAssessmentRow(row, assessment, settings, now)]);
  const last = await tx.scoreSnapshot.findFirst({ where: { opportunityId }, orderBy: { at: "desc" } });
  if (scoreChanged(last, assessment, row.stage)) {
    await tx.scoreSnapshot.create({
      data: { organizationId, opportunityId, stage: row.stage, fit: assessment.fit.score, intent: assessment.intent.score, verdict: assessment.verdict.verdict, trigger, at: now },
    });
    if (last && last.verdict !== assessment.verdict.verdict) {
      await emitEvent(tx, organizationId, "opportunity.verdict_changed", { opportunityId, from: last.verdict, to: assessment.verdict.verdict, trigger });
    }
  }
  return assessment;
}

/** Whether an assessment differs from the last recorded snapshot in anything a manager would read. */
export function scoreChanged(last: { fit: number; intent: number; verdict: string; stage: string } | null, assessment: Assessment, stage: string): boolean {
  return (
    !last ||
    last.fit !== assessment.fit.score ||
    last.intent !== assessment.intent.score ||
    last.verdict !== assessment.verdict.verdict ||
    last.stage !== stage
  );
}
