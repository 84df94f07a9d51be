import { performance } from "node:perf_hooks";
import type { PrismaClient } from "../db";
import { Prisma } from "../generated/prisma/client";
import { addPhases, noPhases, rescoreDealBatch, type BatchPhases } from "./batch-rescore";
import { currentVersions, pendingDealSql } from "./score-currency";
import { loadAllPipelineSettings } from "./settings";
import { ENGINE_VERSION } from "./stored-assessment";

/** Deals per batch (one read, at most two writes), as the background batches use. */
const SWEEP_BATCH = 500;

export interface SweepResult {
  scored: number;
  /** Stored rows rewritten because their content moved. */
  written: number;
  /** Rows whose content held and whose next look alone moved (`reassessAt`). */
  rescheduled: number;
  /** Snapshots appended. */
  changed: number;
  /** Summed over the batches, in ms (the benchmark reports them). */
  phases: BatchPhases;
}

export interface SweepOptions {
  /**
   * Every open deal rather than the due ones: the nightly safety net for inputs that change outside the app's
   * write paths (see `requalification.ts`), and for an operator who wants one.
   */
  full?: boolean;
  batchSize?: number;
}

const empty = (): SweepResult => ({ scored: 0, written: 0, rescheduled: 0, changed: 0, phases: noPhases() });

function add(total: SweepResult, batch: { scored: number; written: number; rescheduled?: number; changed: number; phases: BatchPhases }) {
  total.scored += batch.scored;
  total.written += batch.written;
  total.rescheduled += batch.rescheduled ?? 0;
  total.changed += batch.changed;
  addPhases(total.phases, batch.phases);
}

/**
 * The open deals the hourly sweep must re-score at `now`, by id: those whose stored assessment said time may
 * change it by now (`reassessAt`, a range scan of its index), and those with no stored assessment, one written by
 * an older engine, or one pending after an ICP or framework save (`pendingDealSql`).
 */
async function dueDeals(client: PrismaClient, organizationId: string, now: Date): Promise<string[]> {
  const current = await currentVersions(client, organizationId);
  const at = now.toISOString();
  const rows = await client.$queryRaw<Array<{ id: string }>>(Prisma.sql`
    SELECT a."opportunityId" AS id
    FROM "OpportunityAssessment" a JOIN "Opportunity" o ON o.id = a."opportunityId"
    WHERE a."organizationId" = ${organizationId} AND a."reassessAt" <= ${at}::timestamp(3) AND o.status = 'open'
    UNION
    SELECT o.id
    FROM "Opportunity" o LEFT JOIN "OpportunityAssessment" a ON a."opportunityId" = o.id
    WHERE o."organizationId" = ${organizationId} AND o.status = 'open'
      AND (a."opportunityId" IS NULL OR a."engineVersion" < ${ENGINE_VERSION} OR ${pendingDealSql(current)})
    ORDER BY id`);
  return rows.map((r) => r.id);
}

/**
 * Re-qualifies the open deals of one organization that time may have changed by `now`. Time alone changes
 * scores (evidence goes stale, deals go quiet, close dates pass), and nobody acts on a deal to record that. Each
 * stored assessment carries the first instant at which time could change it (the engine's `reassessAt`, which a
 * property test holds to its promise); the sweep re-scores the deals whose instant has come (`dueDeals`), writes
 * the rows whose content moved, moves the next instant of the others, and appends a snapshot for each deal whose
 * fit, intent, verdict or stage moved, so the history shows decay as it happens. Stored texts carry the instant
 * a day count runs from, not the count, so a flagged deal's row does not change every day. With `full`, every
 * open deal, in keyset batches (the former hourly pass).
 */
export async function sweepOrganization(
  client: PrismaClient,
  organizationId: string,
  now: Date,
  options: SweepOptions | number = {},
): Promise<SweepResult> {
  const { full = false, batchSize } = typeof options === "number" ? { batchSize: options } : options;
  const settings = await loadAllPipelineSettings(client, organizationId);
  const total = empty();
  const common = { status: "open" as const, trigger: "requalification", now, settings };
  if (full) {
    let cursor: string | null = null;
    do {
      const batch = await rescoreDealBatch(client, organizationId, { ...common, cursor, size: batchSize });
      add(total, batch);
      cursor = batch.cursor;
    } while (cursor !== null);
    return total;
  }
  const started = performance.now();
  const ids = await dueDeals(client, organizationId, now);
  total.phases.load += performance.now() - started;
  const size = batchSize ?? SWEEP_BATCH;
  for (let i = 0; i < ids.length; i += size) {
    const chunk = ids.slice(i, i + size);
    add(total, await rescoreDealBatch(client, organizationId, { ...common, cursor: null, ids: chunk, size: chunk.length }));
  }
  return total;
}

export async function sweepAll(client: PrismaClient, now: Date, options: SweepOptions = {}): Promise<SweepResult> {
  const organizations = await client.organization.findMany({ select: { id: true } });
  const total = empty();
  for (const { id } of organizations) add(total, await sweepOrganization(client, id, now, options));
  return total;
}
