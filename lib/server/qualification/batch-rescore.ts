import { performance } from "node:perf_hooks";
import { assessAccount, type AccountProfile } from "../../qualification";
import type { PrismaClient } from "../db";
import type { OpportunityStatus } from "../generated/prisma/client";
import { assessInputs } from "./assess";
import { loadAccountBatch, loadDealBatch, type BatchDeal } from "./batch-load";
import { scoreChanged } from "./score-history";
import { loadAllPipelineSettings, loadQualificationSettings, type QualificationSettings } from "./settings";
import {
  needsReschedule,
  needsWrite,
  rescheduleOpportunityAssessments,
  saveAccountAssessments,
  saveOpportunityAssessments,
  toAccountAssessmentRow,
  toAssessmentRow,
  type StoredState,
} from "./stored-assessment";

/** Deals per batch: each batch is one read with its criteria, evidence and committee, and at most two writes. */
const DEAL_BATCH = 500;
const ACCOUNT_BATCH = 2000;

/** Items assessed between two turns of the event loop. */
const SLICE = 100;

/**
 * `items.map(fn)`, giving the event loop a turn after every `SLICE` items: a batch's engine work (tens of ms per
 * hundred deals) then never holds up the requests an app instance that also runs jobs is serving for longer.
 */
async function mapInSlices<T, U>(items: T[], fn: (item: T) => U): Promise<U[]> {
  const out: U[] = [];
  for (let start = 0; start < items.length; start += SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const item of items.slice(start, start + SLICE)) out.push(fn(item));
  }
  return out;
}

export interface BatchResult {
  scored: number;
  /** Stored rows written: new, pending, or whose content moved. */
  written: number;
  /** Rows whose content held but whose next look (`reassessAt`) moved: that column alone is written. */
  rescheduled?: number;
  /** Snapshots appended (fit, intent, verdict or stage moved). */
  changed: number;
  /** The last id of the batch, or null when there was nothing after the cursor. */
  cursor: string | null;
  /** Where the batch's time went, in ms: reading, the engine, building rows and hashes, writing. */
  phases: BatchPhases;
}

export interface BatchPhases {
  load: number;
  assess: number;
  hash: number;
  write: number;
}

export const noPhases = (): BatchPhases => ({ load: 0, assess: 0, hash: 0, write: 0 });

export function addPhases(total: BatchPhases, batch: BatchPhases): void {
  total.load += batch.load;
  total.assess += batch.assess;
  total.hash += batch.hash;
  total.write += batch.write;
}

/**
 * The settings each deal of a batch is scored with: its own pipeline's. Every batch path asks here, and only
 * here. `known` carries every pipeline's settings across the batches of one pass; a pipeline created since they
 * were loaded is read now.
 */
async function batchSettings(
  client: PrismaClient,
  organizationId: string,
  deals: BatchDeal[],
  known?: Map<string, QualificationSettings>,
): Promise<(deal: BatchDeal) => QualificationSettings> {
  const byPipeline = known ?? (await loadAllPipelineSettings(client, organizationId));
  for (const id of new Set(deals.map((d) => d.pipelineId))) {
    if (!byPipeline.has(id)) byPipeline.set(id, await loadQualificationSettings(client, organizationId, id));
  }
  return (deal) => byPipeline.get(deal.pipelineId) as QualificationSettings;
}

export interface DealBatchOptions {
  cursor: string | null;
  status?: OpportunityStatus;
  trigger: string;
  now: Date;
  size?: number;
  /** Only this pipeline's deals (a save of its framework or stages); all pipelines when absent. */
  pipelineId?: string;
  /** Every pipeline's settings by id, when the caller already loaded them for several batches. */
  settings?: Map<string, QualificationSettings>;
  /** Only these deals (the sweep's due ones); the cursor still pages through them by id. */
  ids?: string[];
}

/** A batch of deals as read, ready to score: its inputs, the settings of each, and the cursor after it. */
export interface DealBatchRead {
  deals: BatchDeal[];
  settingsOf: (deal: BatchDeal) => QualificationSettings;
  /** The last id read, or null when there was nothing after the cursor. */
  cursor: string | null;
  /** The instant the batch is scored as of, taken before it was read (see `scoreDealBatch`). */
  now: Date;
  /** Time spent reading, in ms. */
  load: number;
}

/**
 * Reads the next batch of an organization's deals after `cursor` (keyset on id, so a batch costs the same at row
 * 90,000 as at row 0) with the settings each is scored with. Its `cursor` is known as soon as the read returns,
 * so a pass can start reading the next batch while this one is scored and written.
 */
export async function readDealBatch(client: PrismaClient, organizationId: string, options: DealBatchOptions): Promise<DealBatchRead> {
  const started = performance.now();
  const { cursor, status, pipelineId } = options;
  const deals = await loadDealBatch(client, organizationId, { cursor, status, pipelineId, size: options.size ?? DEAL_BATCH, ids: options.ids });
  const settingsOf = await batchSettings(client, organizationId, deals, options.settings);
  return { deals, settingsOf, cursor: deals.at(-1)?.snapshot.id ?? null, now: options.now, load: performance.now() - started };
}

/**
 * Re-scores the next batch of an organization's deals after `cursor`: `readDealBatch`, then `scoreDealBatch`.
 */
export async function rescoreDealBatch(client: PrismaClient, organizationId: string, options: DealBatchOptions): Promise<BatchResult> {
  return scoreDealBatch(client, organizationId, await readDealBatch(client, organizationId, options), options);
}

/**
 * Scores a batch read by `readDealBatch`, compares each result with the stored row's content hash, and writes
 * only the rows that are new, pending or changed, in one statement, appending a snapshot where a score moved.
 * An unchanged row is not touched (its computedAt says when its content last changed). A row a user write
 * re-scored after this batch was read is left alone: its computedAt is newer than the batch's `now`, taken
 * before the read.
 */
export async function scoreDealBatch(
  client: PrismaClient,
  organizationId: string,
  read: DealBatchRead,
  options: { trigger: string },
): Promise<BatchResult> {
  const { trigger } = options;
  const { deals, settingsOf, cursor: last, now } = read;
  const phases = { ...noPhases(), load: read.load };
  let mark = performance.now();
  const lap = (phase: keyof BatchPhases) => {
    const at = performance.now();
    phases[phase] += at - mark;
    mark = at;
  };
  if (deals.length === 0) return { scored: 0, written: 0, changed: 0, cursor: null, phases };
  const scored = await mapInSlices(deals, (deal) => {
    const settings = settingsOf(deal);
    return { deal, settings, assessment: assessInputs(deal.account, deal.snapshot, settings, now, "stored") };
  });
  lap("assess");
  const rows = await mapInSlices(scored, ({ deal, settings, assessment }) => {
    const { snapshot } = deal;
    const row = { id: snapshot.id, organizationId: deal.organizationId, stage: snapshot.stageId, amount: snapshot.amount, status: snapshot.status };
    return { deal, assessment, stored: toAssessmentRow(row, assessment, settings, now) };
  });
  const assessed = rows.filter(({ deal, stored }) => needsWrite(deal.stored, stored));
  const moved = rows.filter(({ deal, stored }) => !needsWrite(deal.stored, stored) && needsReschedule(deal.stored, stored)).map((r) => r.stored);
  lap("hash");
  const rescheduled = moved.length > 0 ? await rescheduleOpportunityAssessments(client, moved) : 0;
  if (assessed.length === 0) {
    lap("write");
    return { scored: deals.length, written: 0, rescheduled, changed: 0, cursor: last, phases };
  }
  await saveOpportunityAssessments(
    client,
    assessed.map((a) => a.stored),
    { onlyIfNewer: true },
  );

  // Fit, intent, verdict and stage are part of the stored content: a row whose content did not move has no
  // new snapshot to record, so only the written rows are compared with their latest snapshot.
  const ids = assessed.map(({ deal }) => deal.snapshot.id);
  const latest = await client.$queryRaw<Array<{ opportunityId: string; fit: number; intent: number; verdict: string; stage: string }>>`
    SELECT DISTINCT ON ("opportunityId") "opportunityId", "fit", "intent", "verdict", "stage"
    FROM "ScoreSnapshot" WHERE "opportunityId" = ANY(${ids}) ORDER BY "opportunityId", "at" DESC`;
  const lastByDeal = new Map(latest.map((s) => [s.opportunityId, s]));
  const changed = assessed.filter(({ deal, assessment }) =>
    scoreChanged(lastByDeal.get(deal.snapshot.id) ?? null, assessment, deal.snapshot.stageId),
  );
  if (changed.length > 0) {
    await client.scoreSnapshot.createMany({
      data: changed.map(({ deal, assessment }) => ({
        organizationId,
        opportunityId: deal.snapshot.id,
        stage: deal.snapshot.stageId,
        fit: assessment.fit.score,
        intent: assessment.intent.score,
        verdict: assessment.verdict.verdict,
        trigger,
        at: now,
      })),
    });
  }
  lap("write");
  return { scored: deals.length, written: assessed.length, rescheduled, changed: changed.length, cursor: last, phases };
}

/** A batch of accounts as read: each one's profile and stored content hash, and the cursor after it. */
export interface AccountBatchRead {
  accounts: Array<{ id: string; organizationId: string; profile: AccountProfile; stored: StoredState | null }>;
  settings: QualificationSettings;
  cursor: string | null;
  /** The instant the batch is scored as of, taken before it was read. */
  now: Date;
  load: number;
}

/**
 * The next batch of an organization's accounts after `cursor` (keyset on id), with the current ICP, as ONE
 * statement returning one JSON text: the profile the engine reads and the stored content hash.
 */
export async function readAccountBatch(
  client: PrismaClient,
  organizationId: string,
  options: { cursor: string | null; now: Date; settings?: QualificationSettings; size?: number },
): Promise<AccountBatchRead> {
  const started = performance.now();
  // Account fit depends on the organization's ICP only, which every pipeline's settings carry.
  const [settings, accounts] = await Promise.all([
    options.settings ?? loadQualificationSettings(client, organizationId, null),
    loadAccountBatch(client, organizationId, options.cursor, options.size ?? ACCOUNT_BATCH),
  ]);
  return { accounts, settings, cursor: accounts.at(-1)?.id ?? null, now: options.now, load: performance.now() - started };
}

/** Fits a batch read by `readAccountBatch` to its ICP and stores the fits that changed (guarded like deals). */
export async function scoreAccountBatch(client: PrismaClient, read: AccountBatchRead): Promise<BatchResult> {
  const phases = { ...noPhases(), load: read.load };
  if (read.accounts.length === 0) return { scored: 0, written: 0, changed: 0, cursor: null, phases };
  const started = performance.now();
  const stored = (
    await mapInSlices(read.accounts, (account) => ({
      account,
      row: toAccountAssessmentRow(account, assessAccount(account.profile, read.settings.icp), read.now),
    }))
  )
    .filter(({ account, row }) => needsWrite(account.stored, row))
    .map((r) => r.row);
  phases.assess = performance.now() - started;
  await saveAccountAssessments(client, stored, { onlyIfNewer: true });
  phases.write = performance.now() - started - phases.assess;
  return { scored: read.accounts.length, written: stored.length, changed: 0, cursor: read.cursor, phases };
}
