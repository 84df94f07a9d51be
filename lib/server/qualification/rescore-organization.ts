import type { PrismaClient, Tx } from "../db";
import {
  addPhases,
  noPhases,
  readAccountBatch,
  readDealBatch,
  scoreAccountBatch,
  scoreDealBatch,
  type BatchPhases,
  type BatchResult,
} from "./batch-rescore";
import { currentVersions, pendingDealScores } from "./score-currency";

export const RESCORE_KIND = "rescore";

/**
 * Records a queued re-score the saver can follow, in the transaction that saved the ICP or the framework. That
 * save bumped a version, which is all it takes for the affected stored scores to read as pending
 * (`score-currency.ts`): they are never shown as current against settings they were not computed with. The
 * caller enqueues the job once the transaction has committed.
 */
export async function prepareRescore(tx: Tx, organizationId: string, startedById: string | null): Promise<string> {
  const progress = await tx.jobProgress.create({ data: { organizationId, kind: RESCORE_KIND, startedById, status: "queued" } });
  return progress.id;
}

/**
 * One pass over keyset batches, reading ahead: the next batch's read (keyset on the last id read) starts as soon
 * as the previous read returns, while that batch is scored and written, so PostgreSQL reads while Node assesses.
 * At most two batches are held. `stop` ends the pass before its next batch (the other pass failed).
 */
async function walk<Read extends { cursor: string | null }>(
  read: (cursor: string | null) => Promise<Read>,
  score: (batch: Read) => Promise<BatchResult>,
  onBatch: (scored: number) => Promise<void>,
  phases: BatchPhases,
  stop: { failed: boolean },
): Promise<void> {
  let next = read(null);
  for (;;) {
    const batch = await next;
    if (batch.cursor === null || stop.failed) return;
    next = read(batch.cursor);
    try {
      const result = await score(batch);
      addPhases(phases, result.phases);
      if (result.scored > 0) await onBatch(result.scored);
    } catch (error) {
      // The read ahead is not wanted any more; its failure, if any, is not this pass's error.
      await next.catch(() => undefined);
      throw error;
    }
  }
}

/**
 * Re-computes every account and open deal of an organization with its current settings (closed deals keep
 * the scorecard they closed with), in keyset batches, and counts progress as it goes. The account pass and the
 * deal pass run side by side: they write different tables, and neither reads what the other writes. Settings are
 * read again for every batch: if someone saves once more meanwhile, the rest of this run already uses the newer
 * rules (and the newer save's own run redoes the start).
 */
export async function rescoreOrganization(
  client: PrismaClient,
  organizationId: string,
  trigger: string,
  progressId?: string,
  /** "all" also scores closed deals: for a first fill (seed, backfill after an upgrade), never after a settings change. */
  which: "open" | "all" = "open",
  /** Only this pipeline's deals, and no accounts: a save of one pipeline's framework or stages. */
  pipelineId?: string,
  /** Rows per batch (tests walk many small batches); `batch-rescore.ts` sizes them otherwise. */
  sizes: { deals?: number; accounts?: number } = {},
): Promise<{ accounts: BatchPhases; deals: BatchPhases }> {
  const status = which === "open" ? ("open" as const) : undefined;
  const track = async (data: Parameters<PrismaClient["jobProgress"]["update"]>[0]["data"]) => {
    if (progressId) await client.jobProgress.update({ where: { id: progressId }, data });
  };
  const [accounts, deals] = await Promise.all([
    pipelineId ? 0 : client.account.count({ where: { organizationId } }),
    client.opportunity.count({ where: { organizationId, status, ...(pipelineId && { pipelineId }) } }),
  ]);
  await track({ status: "running", total: accounts + deals, done: 0 });
  const advance = (scored: number) => track({ done: { increment: scored } });
  const phases = { accounts: noPhases(), deals: noPhases() };
  const stop = { failed: false };
  // `now` is taken before each read: a row a user write re-scores after it is newer and kept.
  const passes = [
    walk(
      (cursor) =>
        readDealBatch(client, organizationId, {
          cursor,
          status,
          trigger,
          now: new Date(),
          size: sizes.deals,
          ...(pipelineId && { pipelineId }),
        }),
      (batch) => scoreDealBatch(client, organizationId, batch, { trigger }),
      advance,
      phases.deals,
      stop,
    ),
    ...(pipelineId
      ? []
      : [
          walk(
            (cursor) => readAccountBatch(client, organizationId, { cursor, now: new Date(), size: sizes.accounts }),
            (batch) => scoreAccountBatch(client, batch),
            advance,
            phases.accounts,
            stop,
          ),
        ]),
  ].map((pass) =>
    pass.catch((error: unknown) => {
      stop.failed = true;
      throw error;
    }),
  );
  const outcomes = await Promise.allSettled(passes);
  const failure = outcomes.find((o) => o.status === "rejected");
  if (!failure) {
    await track({ status: "done", finishedAt: new Date() });
    return phases;
  }
  const error: unknown = failure.reason;
  const message = error instanceof Error ? error.message : String(error);
  await track({ status: "failed", error: message.slice(0, 500), finishedAt: new Date() });
  throw error;
}

export interface RescoreProgress {
  id: string;
  status: "queued" | "running" | "done" | "failed";
  total: number;
  done: number;
  createdAt: Date;
  finishedAt: Date | null;
  /** Stored scores still waiting for the re-score (deals and accounts). */
  pending: number;
}

/** The organization's latest re-score and how many stored scores still wait for one. */
export async function latestRescore(client: PrismaClient, organizationId: string): Promise<RescoreProgress | null> {
  const [row, current] = await Promise.all([
    client.jobProgress.findFirst({ where: { organizationId, kind: RESCORE_KIND }, orderBy: { createdAt: "desc" } }),
    currentVersions(client, organizationId),
  ]);
  if (!row) return null;
  const [pendingDeals, pendingAccounts] = await Promise.all([
    client.opportunityAssessment.count({ where: { organizationId, ...pendingDealScores(current) } }),
    client.accountAssessment.count({ where: { organizationId, icpVersion: { lt: current.icp } } }),
  ]);
  const status = (["queued", "running", "done", "failed"] as const).find((s) => s === row.status) ?? "queued";
  return {
    id: row.id,
    status,
    total: row.total,
    done: row.done,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    pending: pendingDeals + pendingAccounts,
  };
}

/** What the progress indicator shows, as plain JSON. */
export interface RescoreProgressView {
  status: RescoreProgress["status"];
  total: number;
  done: number;
  pending: number;
  /** Finished within the last ten minutes: worth telling the person who saved. */
  finishedRecently: boolean;
}

const RECENT_MS = 10 * 60 * 1000;

export const toProgressView = (p: RescoreProgress, now: Date): RescoreProgressView => ({
  status: p.status,
  total: p.total,
  done: p.done,
  pending: p.pending,
  finishedRecently: p.finishedAt !== null && now.getTime() - p.finishedAt.getTime() < RECENT_MS,
});
