import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db";
import { logger } from "../logger";
import { RESCORE_KIND, rescoreOrganization } from "../qualification/rescore-organization";
import { jobQueue, sendJob, setWorkerBoss } from "./queue";

export const RESCORE_ORGANIZATION = "rescore-organization";
const RESCORE_QUEUE: PgBoss.Queue = { name: RESCORE_ORGANIZATION, retryLimit: 2, retryDelay: 30 };

export interface RescoreJob {
  organizationId: string;
  progressId: string;
  trigger: string;
  /** "all" also fills in closed deals (a backfill); settings changes re-score open deals only. */
  which?: "open" | "all";
  /** Only this pipeline's deals (its framework or stages changed). */
  pipelineId?: string;
}

const shared = globalThis as unknown as { winnowRescoreChain?: Promise<void> };

/** Called once pg-boss is up: from then on re-scores go through the queue and any instance may run them. */
export async function registerRescore(boss: PgBoss, client: PrismaClient): Promise<void> {
  await boss.createQueue(RESCORE_ORGANIZATION, RESCORE_QUEUE);
  await boss.work<RescoreJob>(RESCORE_ORGANIZATION, async (jobs) => {
    for (const job of jobs)
      await rescoreOrganization(client, job.data.organizationId, job.data.trigger, job.data.progressId, job.data.which, job.data.pipelineId);
  });
  setWorkerBoss(boss);
}

/**
 * Starts a re-score prepared by `prepareRescore` (after its transaction committed). With a PostgreSQL server it
 * is queued in pg-boss, also when this instance runs no workers (WINNOW_JOBS=off: `npm run worker` picks it
 * up). With the embedded database it runs in this process, one at a time, in the background: the caller does
 * not wait for it.
 */
export async function enqueueRescore(client: PrismaClient, job: RescoreJob): Promise<void> {
  const boss = await jobQueue();
  if (boss) {
    await sendJob(boss, RESCORE_QUEUE, job);
    return;
  }
  const previous = shared.winnowRescoreChain ?? Promise.resolve();
  shared.winnowRescoreChain = previous
    .then(async () => {
      await rescoreOrganization(client, job.organizationId, job.trigger, job.progressId, job.which, job.pipelineId);
    })
    .catch((err: unknown) => logger.error({ err, organizationId: job.organizationId }, "background re-score failed"));
}

/** Tests wait for in-process re-scores to finish. */
export function inProcessRescores(): Promise<void> {
  return shared.winnowRescoreChain ?? Promise.resolve();
}

/**
 * Organizations with a deal or account that has no stored score yet (a database upgraded from before scores
 * were stored, or rows written by hand) get a full re-score, so every list and dashboard has rows to read.
 */
export async function backfillMissingAssessments(client: PrismaClient): Promise<number> {
  const rows = await client.$queryRaw<Array<{ organizationId: string }>>`
    SELECT DISTINCT o."organizationId" FROM "Opportunity" o LEFT JOIN "OpportunityAssessment" a ON a."opportunityId" = o."id" WHERE a."opportunityId" IS NULL
    UNION
    SELECT DISTINCT c."organizationId" FROM "Account" c LEFT JOIN "AccountAssessment" a ON a."accountId" = c."id" WHERE a."accountId" IS NULL`;
  for (const { organizationId } of rows) {
    const progress = await client.jobProgress.create({ data: { organizationId, kind: RESCORE_KIND, status: "queued" } });
    await enqueueRescore(client, { organizationId, progressId: progress.id, trigger: "backfill", which: "all" });
  }
  return rows.length;
}
