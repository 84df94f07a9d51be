import type { Assessment } from "../../qualification";
import type { PrismaClient, Tx } from "../db";
import { emitEvent } from "../webhooks/emit";
import { assessInputs } from "./assess";
import { loadDeal } from "./batch-load";
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
  // One statement for the deal and everything its score reads (not Prisma's eight): this runs inside the
  // caller's write transaction, which every round trip keeps open.
  const deal = await loadDeal(tx, organizationId, opportunityId);
  // Settings loaded for another pipeline (an account's deals span pipelines) do not score this deal.
  const settings =
    knownSettings?.pipelineId === deal.pipelineId ? knownSettings : await loadQualificationSettings(tx, organizationId, deal.pipelineId);
  const { snapshot } = deal;
  const assessment = assessInputs(deal.account, snapshot, settings, now);
  const row = { id: snapshot.id, organizationId, stage: snapshot.stageId, amount: snapshot.amount };
  await saveOpportunityAssessments(tx, [toAssessmentRow(row, assessment, settings, now)]);
  const last = await tx.scoreSnapshot.findFirst({ where: { opportunityId }, orderBy: { at: "desc" } });
  if (scoreChanged(last, assessment, row.stage)) {
    await tx.scoreSnapshot.create({
      data: {
        organizationId,
        opportunityId,
        stage: row.stage,
        fit: assessment.fit.score,
        intent: assessment.intent.score,
        verdict: assessment.verdict.verdict,
        trigger,
        at: now,
      },
    });
    if (last && last.verdict !== assessment.verdict.verdict) {
      await emitEvent(tx, organizationId, "opportunity.verdict_changed", {
        opportunityId,
        from: last.verdict,
        to: assessment.verdict.verdict,
        trigger,
      });
    }
  }
  return assessment;
}

/** Whether an assessment differs from the last recorded snapshot in anything a manager would read. */
export function scoreChanged(
  last: { fit: number; intent: number; verdict: string; stage: string } | null,
  assessment: Assessment,
  stage: string,
): boolean {
  return (
    !last ||
    last.fit !== assessment.fit.score ||
    last.intent !== assessment.intent.score ||
    last.verdict !== assessment.verdict.verdict ||
    last.stage !== stage
  );
}
