import type { PrismaClient } from "../db";
import { addPhases, noPhases, rescoreDealBatch, type BatchPhases } from "./batch-rescore";
import { loadAllPipelineSettings } from "./settings";

export interface SweepResult {
  scored: number;
  /** Stored rows rewritten because their content moved. */
  written: number;
  /** Snapshots appended. */
  changed: number;
  /** Summed over the batches, in ms (the benchmark reports them). */
  phases: BatchPhases;
}

/**
 * Re-qualifies every open deal of one organization as of `now`. Time alone changes scores (evidence goes
 * stale, deals go quiet), and nobody acts on a deal to record that: the sweep recomputes each assessment,
 * rewrites the stored rows whose content moved (most do not, hour to hour) and appends a snapshot for each deal
 * whose fit, intent, verdict or stage moved, so the history shows decay as it happens. It walks the deals in
 * keyset batches, so memory and query size stay flat however many there are.
 */
export async function sweepOrganization(client: PrismaClient, organizationId: string, now: Date, batchSize?: number): Promise<SweepResult> {
  const settings = await loadAllPipelineSettings(client, organizationId);
  const total: SweepResult = { scored: 0, written: 0, changed: 0, phases: noPhases() };
  let cursor: string | null = null;
  do {
    const batch = await rescoreDealBatch(client, organizationId, {
      cursor,
      status: "open",
      trigger: "requalification",
      now,
      settings,
      size: batchSize,
    });
    total.scored += batch.scored;
    total.written += batch.written;
    total.changed += batch.changed;
    addPhases(total.phases, batch.phases);
    cursor = batch.cursor;
  } while (cursor !== null);
  return total;
}

export async function sweepAll(client: PrismaClient, now: Date): Promise<SweepResult> {
  const organizations = await client.organization.findMany({ select: { id: true } });
  const total: SweepResult = { scored: 0, written: 0, changed: 0, phases: noPhases() };
  for (const { id } of organizations) {
    const result = await sweepOrganization(client, id, now);
    total.scored += result.scored;
    total.written += result.written;
    total.changed += result.changed;
    addPhases(total.phases, result.phases);
  }
  return total;
}
