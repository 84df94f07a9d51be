import type { Assessment } from "../../qualification";
import type { PrismaClient, Tx } from "../db";
import { emitEvent, type Subscribers } from "../webhooks/emit";
import { assessInputs } from "./assess";
import { loadDeal, type LastSnapshot, type LoadedDeal } from "./batch-load";
import { settingsAtKey, type QualificationSettings } from "./settings";
import { saveOpportunityAssessments, toAssessmentRow } from "./stored-assessment";

/** Attempts that expect the stored row as read before one write that does not (see `store`). */
const GUARDED_ATTEMPTS = 2;

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
  for (let attempt = 0; ; attempt++) {
    // One statement for the deal, everything its score reads, its settings key and its latest snapshot (not
    // Prisma's eight plus four): this runs inside the caller's write transaction, which every round trip keeps open.
    const deal = await loadDeal(tx, organizationId, opportunityId);
    const guarded = attempt < GUARDED_ATTEMPTS;
    const assessment = await store(tx, deal, await settingsFor(tx, deal, knownSettings), trigger, now, guarded);
    if (assessment) return assessment;
  }
}

/**
 * Re-scores a deal a write read before its transaction (`loadDeal`, with the write's own changes applied to
 * the snapshot), without reading it again: the stored row is replaced only if no other write re-scored the
 * deal since that read. Every write that changes a deal's inputs re-scores it in its transaction, so an
 * unchanged stored row means the read is still what the engine would read now. Otherwise (a note logged
 * meanwhile, which does not bump the deal's version) the deal is read again and scored as committed.
 */
export async function rescoreLoaded(
  tx: PrismaClient | Tx,
  deal: LoadedDeal,
  trigger: string,
  now: Date,
  settings: QualificationSettings,
  /** The webhook subscribers, when the caller read them before its transaction. */
  subscribers?: Subscribers,
): Promise<Assessment> {
  return (
    (await store(tx, deal, await settingsFor(tx, deal, settings), trigger, now, true, subscribers)) ??
    rescore(tx, deal.organizationId, deal.snapshot.id, trigger, now, settings)
  );
}

/** Settings loaded for another pipeline (an account's deals span pipelines) do not score this deal. */
function settingsFor(
  tx: PrismaClient | Tx,
  deal: LoadedDeal,
  known: QualificationSettings | undefined,
): Promise<QualificationSettings> | QualificationSettings {
  return known?.pipelineId === deal.pipelineId ? known : settingsAtKey(tx, deal.organizationId, deal);
}

/**
 * Scores and stores one deal. `guarded`: only if the stored row is still the one `deal` was read with (null
 * when it was not, and nothing is written); the row lock the write takes then keeps the latest snapshot read
 * with the deal current too. Unguarded: unconditionally, with the latest snapshot read afresh.
 */
async function store(
  tx: PrismaClient | Tx,
  deal: LoadedDeal,
  settings: QualificationSettings,
  trigger: string,
  now: Date,
  guarded: boolean,
  subscribers?: Subscribers,
): Promise<Assessment | null> {
  const { snapshot, organizationId } = deal;
  const opportunityId = snapshot.id;
  // Texts in their stored, day-stable form: this assessment is what the row keeps (and what its hash covers).
  const assessment = assessInputs(deal.account, snapshot, settings, now, "stored");
  const row = { id: opportunityId, organizationId, stage: snapshot.stageId, amount: snapshot.amount, status: snapshot.status };
  const written = await saveOpportunityAssessments(
    tx,
    [toAssessmentRow(row, assessment, settings, now)],
    guarded ? { storedVersion: deal.storedVersion } : {},
  );
  if (written === 0) return null;
  const last: LastSnapshot | null = guarded
    ? deal.lastSnapshot
    : await tx.scoreSnapshot.findFirst({
        where: { opportunityId },
        orderBy: { at: "desc" },
        select: { fit: true, intent: true, verdict: true, stage: true },
      });
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
      select: { id: true },
    });
    if (last && last.verdict !== assessment.verdict.verdict) {
      await emitEvent(
        tx,
        organizationId,
        "opportunity.verdict_changed",
        {
          opportunityId,
          from: last.verdict,
          to: assessment.verdict.verdict,
          trigger,
        },
        subscribers,
      );
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
