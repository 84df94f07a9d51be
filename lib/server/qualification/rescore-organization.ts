import type { PrismaClient, Tx } from "../db";
import { addPhases, noPhases, rescoreAccountBatch, rescoreDealBatch, type BatchPhases, type BatchResult } from "./batch-rescore";
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

async function walk(
  next: (cursor: string | null) => Promise<BatchResult>,
  onBatch: (scored: number) => Promise<void>,
  phases: BatchPhases,
): Promise<void> {
  let cursor: string | null = null;
  do {
    const batch = await next(cursor);
    addPhases(phases, batch.phases);
    if (batch.scored > 0) await onBatch(batch.scored);
    cursor = batch.cursor;
  } while (cursor !== null);
}

/**
 * Re-computes every account and open deal of an organization with its current settings (closed deals keep
 * the scorecard they closed with), in keyset batches, and
 * counts progress as it goes. Settings are read again for every batch: if someone saves once more meanwhile,
 * the rest of this run already uses the newer rules (and the newer save's own run redoes the start).
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
  try {
    if (!pipelineId) await walk((cursor) => rescoreAccountBatch(client, organizationId, { cursor, now: new Date() }), advance, phases.accounts);
    await walk(
      (cursor) => rescoreDealBatch(client, organizationId, { cursor, status, trigger, now: new Date(), ...(pipelineId && { pipelineId }) }),
      advance,
      phases.deals,
    );
    await track({ status: "done", finishedAt: new Date() });
    return phases;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await track({ status: "failed", error: message.slice(0, 500), finishedAt: new Date() });
    throw error;
  }
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
