import "server-only";
import Papa from "papaparse";
import { can } from "../../permissions";
import { guessMapping, IMPORT_FIELDS, MAX_IMPORT_BYTES, REQUIRED_FIELDS, type ImportKind } from "../../validation/import";
import { recordAudit } from "../audit";
import { db } from "../db";
import { csvLine } from "../csv";
import { AppError, forbidden, notFound } from "../errors";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

function assertMayImport(user: SessionUser): void {
  if (!can(user.role, "import.run")) throw forbidden("Your role cannot import data.");
}

/** Counts rows without keeping them, and reads the header line. */
function inspect(text: string): { headers: string[]; rows: number } {
  let headers: string[] = [];
  let rows = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: "greedy",
    step: (result) => {
      if (rows === 0 && headers.length === 0) headers = result.data.map((h) => h.trim());
      else rows++;
    },
  });
  return { headers, rows };
}

/** Stores an uploaded CSV with a guessed column mapping; nothing is imported until a dry run is confirmed. */
export async function createImport(user: SessionUser, input: { kind: ImportKind; fileName: string; text: string }) {
  assertMayImport(user);
  if (Buffer.byteLength(input.text) > MAX_IMPORT_BYTES)
    throw new AppError("INVALID", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  const { headers, rows } = inspect(input.text.replace(/^\uFEFF/, ""));
  if (headers.length === 0 || rows === 0)
    throw new AppError("INVALID", "The file has no rows under its header line.", {
      fieldErrors: { file: ["The file has no rows under its header line."] },
    });
  return db().$transaction(async (tx) => {
    const job = await tx.importJob.create({
      data: {
        organizationId: user.organizationId,
        createdById: user.id,
        kind: input.kind,
        fileName: input.fileName.slice(0, 200),
        source: input.text.replace(/^\uFEFF/, ""),
        headers,
        mapping: guessMapping(input.kind, headers),
        status: "uploaded",
        total: rows,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "import",
      entityId: job.id,
      action: "upload",
      after: { kind: input.kind, fileName: input.fileName, rows },
    });
    return job;
  });
}

async function jobOf(user: SessionUser, jobId: string) {
  const job = await db().importJob.findFirst({ where: inOrg(user, { id: jobId }), omit: { source: true } });
  if (!job) throw notFound("Import");
  return job;
}

/** Saves the mapping and queues the dry run. Required fields must be mapped; each column feeds one field. */
export async function planImport(user: SessionUser, input: { jobId: string; mapping: Record<string, number | null> }) {
  assertMayImport(user);
  const job = await jobOf(user, input.jobId);
  if (!["uploaded", "dry_run_done", "failed"].includes(job.status)) throw new AppError("CONFLICT", "This import already ran.");
  const kind = job.kind as ImportKind;
  const allowed = new Set(IMPORT_FIELDS[kind]);
  const mapping = Object.fromEntries(
    Object.entries(input.mapping).filter(
      ([field, index]) => (allowed.has(field) || field.startsWith("criterion:")) && index !== null && index < job.headers.length,
    ),
  );
  const missing = REQUIRED_FIELDS[kind].filter((f) => mapping[f] === undefined);
  if (missing.length > 0)
    throw new AppError("INVALID", `Map a column to ${missing.join(", ")}.`, {
      fieldErrors: Object.fromEntries(missing.map((f) => [f, ["Required"]])),
    });
  const columns = Object.values(mapping);
  if (new Set(columns).size !== columns.length) throw new AppError("INVALID", "Each column can feed only one field.");
  await db().importJob.update({ where: { id: job.id }, data: { mapping, status: "dry_run_queued", processed: 0 }, select: { id: true } });
}

/** After a dry run: queue the real import with the same mapping. */
export async function confirmImport(user: SessionUser, jobId: string) {
  assertMayImport(user);
  await jobOf(user, jobId); // another organization's job does not exist: NOT_FOUND, not a state conflict
  const { count } = await db().importJob.updateMany({
    where: inOrg(user, { id: jobId, status: "dry_run_done" }),
    data: { status: "queued", processed: 0 },
  });
  if (count === 0) throw new AppError("CONFLICT", "Run the dry run first (or this import already ran).");
}

export async function getImport(user: SessionUser, jobId: string) {
  assertMayImport(user);
  const job = await jobOf(user, jobId);
  const issues = await db().importRowResult.findMany({
    where: { jobId, outcome: { in: ["error", "duplicate"] } },
    orderBy: { row: "asc" },
    take: 100,
  });
  return { ...job, issues };
}

export async function listImports(user: SessionUser) {
  assertMayImport(user);
  return db().importJob.findMany({ where: inOrg(user), omit: { source: true }, orderBy: { createdAt: "desc" }, take: 20 });
}

/** The kept per-row report as CSV, streamed in pages so a 50,000-row report is never built in memory at once. */
export async function* importReportCsv(user: SessionUser, jobId: string): AsyncGenerator<string> {
  await jobOf(user, jobId);
  yield "row,outcome,message,record_id\n";
  let after = 0;
  for (;;) {
    const rows = await db().importRowResult.findMany({ where: { jobId, row: { gt: after } }, orderBy: { row: "asc" }, take: 2000 });
    if (rows.length === 0) return;
    yield rows.map((r) => csvLine([r.row, r.outcome, r.message, r.recordId])).join("");
    after = rows[rows.length - 1]?.row ?? after;
  }
}
