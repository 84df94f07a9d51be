import "server-only";
import type PgBoss from "pg-boss";
import { db, type PrismaClient } from "../db";
import { jobQueue, sendJob, setWorkerBoss } from "../jobs/queue";
import { logger } from "../logger";
import { runImport } from "./run-import";

const IMPORT_QUEUE = "import-run";

/** With a server, imports run on whichever instance's pg-boss worker picks them up. */
export async function registerImports(boss: PgBoss, client: PrismaClient): Promise<void> {
  await boss.createQueue(IMPORT_QUEUE);
  await boss.work<{ jobId: string }>(IMPORT_QUEUE, async (jobs) => {
    for (const job of jobs) await runImport(client, job.data.jobId);
  });
  setWorkerBoss(boss);
}

/**
 * Starts a dry run or an import without holding the request open: a pg-boss job with a server (also when this
 * instance runs no workers), or a task in this process with the embedded database (which belongs to it anyway).
 */
export async function enqueueImport(jobId: string): Promise<void> {
  const boss = await jobQueue();
  if (boss) {
    await sendJob(boss, { name: IMPORT_QUEUE }, { jobId }, { singletonKey: jobId });
    return;
  }
  setImmediate(() => {
    runImport(db(), jobId).catch((err: unknown) => logger.error({ err, jobId }, "in-process import failed"));
  });
}
