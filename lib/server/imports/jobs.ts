import "server-only";
import type PgBoss from "pg-boss";
import { db, type PrismaClient } from "../db";
import { logger } from "../logger";
import { runImport } from "./run-import";

export const IMPORT_QUEUE = "import-run";
const holder = globalThis as unknown as { winnowImportBoss?: PgBoss };

/** With a server, imports run on whichever instance's pg-boss worker picks them up. */
export async function registerImports(boss: PgBoss, client: PrismaClient): Promise<void> {
  await boss.createQueue(IMPORT_QUEUE);
  await boss.work<{ jobId: string }>(IMPORT_QUEUE, async (jobs) => {
    for (const job of jobs) await runImport(client, job.data.jobId);
  });
  holder.winnowImportBoss = boss;
}

/**
 * Starts a dry run or an import without holding the request open: a pg-boss job with a server, or a task in
 * this process with the embedded database (which belongs to this one process anyway).
 */
export async function enqueueImport(jobId: string): Promise<void> {
  const boss = holder.winnowImportBoss;
  if (boss) {
    await boss.send(IMPORT_QUEUE, { jobId }, { singletonKey: jobId });
    return;
  }
  setImmediate(() => {
    runImport(db(), jobId).catch((err: unknown) => logger.error({ err, jobId }, "in-process import failed"));
  });
}
