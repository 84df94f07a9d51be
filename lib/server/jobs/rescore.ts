import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db";
import { logger } from "../logger";
import { RESCORE_KIND, rescoreOrganization } from "../qualification/rescore-organization";
import { ENGINE_VERSION } from "../qualification/stored-assessment";
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
 * Stored scores the current engine did not write, brought up to date when an instance or worker starts.
 * Organizations with a deal or account that has no stored score yet (a database upgraded from before scores
 * were stored, or rows written by hand) get a full re-score, closed deals included, so every list and dashboard
 * has rows to read. Organizations whose account scores an older engine wrote (`ENGINE_VERSION`: its formulas or
 * its words changed) get the re-score of accounts and open deals a settings save gets: the hourly sweep takes open
 * deals from an older engine by itself, but nothing else revisits an account until the ICP changes.
 */
export async function backfillAssessments(client: PrismaClient): Promise<number> {
  const jobs = await assessmentBackfills(client);
  for (const job of jobs) {
    const progress = await client.jobProgress.create({ data: { organizationId: job.organizationId, kind: RESCORE_KIND, status: "queued" } });
    await enqueueRescore(client, { ...job, progressId: progress.id });
  }
  return jobs.length;
}

/** The re-scores `backfillAssessments` starts: one per organization, the full one where a row has no score. */
export async function assessmentBackfills(client: PrismaClient): Promise<Array<Omit<RescoreJob, "progressId">>> {
  const missing = await client.$queryRaw<Array<{ organizationId: string }>>`
    SELECT DISTINCT o."organizationId" FROM "Opportunity" o LEFT JOIN "OpportunityAssessment" a ON a."opportunityId" = o."id" WHERE a."opportunityId" IS NULL
    UNION
    SELECT DISTINCT c."organizationId" FROM "Account" c LEFT JOIN "AccountAssessment" a ON a."accountId" = c."id" WHERE a."accountId" IS NULL`;
  const outdated = await client.$queryRaw<Array<{ organizationId: string }>>`
    SELECT DISTINCT "organizationId" FROM "AccountAssessment" WHERE "engineVersion" < ${ENGINE_VERSION}`;
  const full = new Set(missing.map((r) => r.organizationId));
  return [
    ...[...full].map((organizationId) => ({ organizationId, trigger: "backfill", which: "all" as const })),
    ...outdated
      .filter((r) => !full.has(r.organizationId))
      .map(({ organizationId }) => ({ organizationId, trigger: "engine upgrade", which: "open" as const })),
  ];
}
