import "server-only";
import { Readable } from "node:stream";
import Papa from "papaparse";
import { mappingSchema, type ImportKind } from "../../validation/import";
import { bulkInsert } from "../bulk-insert";
import type { PrismaClient } from "../db";
import { loadIntakeConfig } from "../intake/config";
import { logger } from "../logger";
import { loadQualificationSettings } from "../qualification/settings";
import { leadScoreColumns } from "../leads/scoring";
import { applyAccounts, applyContacts, applyLeads, type ApplyContext, type BatchRow, type Outcome } from "./apply";
import { checkerFor, mapRow, type AccountRow, type ContactRow, type LeadRow } from "./rows";

const IMPORT_BATCH = 1000;

const leadInput = (row: LeadRow) => {
  const { answers, ...fields } = row;
  return [fields, answers] as const;
};

/**
 * Rows of a CSV text, streamed: papaparse reads the text as a stream in ~256 KB chunks and pauses after each
 * until the consumer has taken its rows, so only one chunk of parsed rows is ever in memory.
 */
async function* csvRows(text: string): AsyncGenerator<string[]> {
  const state: { rows: string[][] | null; finished: boolean; failure: unknown; parser: Papa.Parser | null; wake: (() => void) | null } = {
    rows: null,
    finished: false,
    failure: null,
    parser: null,
    wake: null,
  };
  const signal = () => {
    state.wake?.();
    state.wake = null;
  };
  Papa.parse<string[]>(Readable.from([text], { objectMode: false, highWaterMark: 256 * 1024 }) as unknown as File, {
    skipEmptyLines: "greedy",
    chunkSize: 256 * 1024,
    chunk: (results, parser) => {
      state.parser = parser;
      parser.pause();
      state.rows = results.data;
      signal();
    },
    complete: () => {
      state.finished = true;
      signal();
    },
    error: (error) => {
      state.failure = error;
      state.finished = true;
      signal();
    },
  });
  for (;;) {
    if (state.rows === null && !state.finished)
      await new Promise<void>((resolve) => {
        state.wake = resolve;
      });
    if (state.failure) throw state.failure instanceof Error ? state.failure : new Error("The CSV could not be read.");
    const rows = state.rows;
    state.rows = null;
    if (rows) {
      yield* rows;
      state.parser?.resume();
    } else if (state.finished) return;
  }
}

async function applyBatch(
  tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0],
  kind: ImportKind,
  ctx: ApplyContext,
  rows: BatchRow<unknown>[],
): Promise<Outcome[]> {
  switch (kind) {
    case "accounts":
      return applyAccounts(tx, ctx, rows as BatchRow<AccountRow>[]);
    case "contacts":
      return applyContacts(tx, ctx, rows as BatchRow<ContactRow>[]);
    case "leads":
      return applyLeads(tx, ctx, rows as BatchRow<LeadRow>[]);
  }
}

/**
 * Runs a queued dry run or import: rows are checked one by one (a bad row is reported, never written), the
 * valid ones are written a batch per transaction together with their per-row results and the job's progress,
 * so the page can show live progress and a crash never leaves a half-written row. Checking the next batch
 * overlaps writing the previous one.
 */
export async function runImport(client: PrismaClient, jobId: string, now = new Date()): Promise<void> {
  const job = await client.importJob.findUnique({ where: { id: jobId } });
  if (!job || (job.status !== "dry_run_queued" && job.status !== "queued") || !job.source) return;
  const dryRun = job.status === "dry_run_queued";
  const { count } = await client.importJob.updateMany({
    where: { id: jobId, status: job.status },
    data: {
      status: dryRun ? "dry_running" : "running",
      processed: 0,
      created: 0,
      updated: 0,
      duplicates: 0,
      errors: 0,
      startedAt: now,
      message: null,
    },
  });
  if (count === 0) return; // another worker took it
  try {
    await client.importRowResult.deleteMany({ where: { jobId } });
    const settings = await loadQualificationSettings(client, job.organizationId, null);
    const { routing } = await loadIntakeConfig(client, job.organizationId, settings);
    const ctx: ApplyContext = { organizationId: job.organizationId, actorId: job.createdById, jobId, settings, routing, now, dryRun };
    const kind = job.kind as ImportKind;
    const check = checkerFor(kind, settings);
    const mapping = mappingSchema.parse(job.mapping);
    const seen = new Set<string>();
    let batch: { row: number; cells: string[] }[] = [];
    let line = 0;

    /** Checks a batch (no database): per-row errors and in-file duplicates, and each valid lead row's score. */
    const prepare = (rows: typeof batch) => {
      const outcomes: Outcome[] = [];
      const valid: BatchRow<unknown>[] = [];
      for (const { row, cells } of rows) {
        const checked = check(mapRow(cells, mapping));
        if (!checked.ok) outcomes.push({ row, outcome: "error", message: checked.message });
        else if (checked.key && seen.has(checked.key.toLowerCase()))
          outcomes.push({ row, outcome: "duplicate", message: `Same ${checked.key} earlier in the file` });
        else {
          if (checked.key) seen.add(checked.key.toLowerCase());
          const scored = kind === "leads" && !dryRun ? leadScoreColumns(...leadInput(checked.data as LeadRow), settings, now) : undefined;
          valid.push({ row, data: checked.data, scored });
        }
      }
      return { outcomes, valid };
    };

    /** Writes a prepared batch in one transaction: its rows, their per-row results and the job's counters. */
    const write = async ({ outcomes, valid }: ReturnType<typeof prepare>) => {
      await client.$transaction(
        async (tx) => {
          if (valid.length > 0) outcomes.push(...(await applyBatch(tx, kind, ctx, valid)));
          await bulkInsert(
            tx,
            "ImportRowResult",
            outcomes.map((o) => ({ jobId, row: o.row, outcome: o.outcome, message: o.message ?? null, recordId: o.recordId ?? null })),
          );
          const tally = (k: Outcome["outcome"]) => outcomes.filter((o) => o.outcome === k).length;
          await tx.importJob.update({
            where: { id: jobId },
            data: {
              processed: { increment: outcomes.length },
              created: { increment: tally("created") },
              updated: { increment: tally("updated") },
              duplicates: { increment: tally("duplicate") },
              errors: { increment: tally("error") },
            },
            select: { id: true }, // never the stored file: returning it per batch made the run quadratic
          });
        },
        // maxWait: on a loaded machine starting the transaction took over Prisma's default 2 s (P2028) and failed the import.
        { timeout: 60_000, maxWait: 30_000 },
      );
    };

    // Two stages in flight: while the database writes batch n, this process parses, checks and scores batch
    // n + 1. Writes stay in file order, one transaction at a time, so each batch's duplicate lookups see the
    // rows of every batch before it.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (batch.length === 0) return;
      const prepared = prepare(batch);
      batch = [];
      await writing;
      writing = write(prepared);
      writing.catch(() => undefined); // observed here; the error surfaces at the next await
    };

    for await (const cells of csvRows(job.source)) {
      line++;
      if (line === 1) continue; // the header
      batch.push({ row: line, cells });
      if (batch.length >= IMPORT_BATCH) await flush();
    }
    await flush();
    await writing;
    await client.importJob.update({
      where: { id: jobId },
      data: { status: dryRun ? "dry_run_done" : "done", finishedAt: new Date(), ...(!dryRun && { source: null }) },
      select: { id: true },
    });
    if (!dryRun) {
      await client.auditEvent.create({
        data: {
          organizationId: job.organizationId,
          actorId: job.createdById,
          entityType: "import",
          entityId: jobId,
          action: "import",
          after: await client.importJob.findUniqueOrThrow({
            where: { id: jobId },
            select: { kind: true, fileName: true, created: true, updated: true, duplicates: true, errors: true },
          }),
        },
      });
    }
  } catch (err) {
    logger.error({ err, jobId }, "import failed");
    await client.importJob.update({
      where: { id: jobId },
      data: {
        status: "failed",
        message: "The import stopped on an unexpected error; rows already reported as created were saved, the rest were not.",
        finishedAt: new Date(),
      },
      select: { id: true },
    });
  }
}
