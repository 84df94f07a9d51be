import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db";
import { sweepOrganization } from "../qualification/sweep";

const REQUALIFY_ALL = "requalify-all";
export const REQUALIFY_ORGANIZATION = "requalify-organization";

/** Every hour: cheap (one assessment pass per organization) and soon enough for day-based thresholds. */
const REQUALIFY_CRON = "7 * * * *";

/**
 * The hourly tick fans out one job per organization, so any number of app instances share the work and a
 * failing organization is retried on its own. pg-boss runs a schedule once per tick across all instances.
 */
export async function registerRequalification(boss: PgBoss, client: PrismaClient): Promise<void> {
  await boss.createQueue(REQUALIFY_ALL);
  await boss.createQueue(REQUALIFY_ORGANIZATION, { name: REQUALIFY_ORGANIZATION, retryLimit: 3, retryDelay: 60, retryBackoff: true });
  await boss.schedule(REQUALIFY_ALL, REQUALIFY_CRON);
  await boss.work(REQUALIFY_ALL, async () => {
    const organizations = await client.organization.findMany({ select: { id: true } });
    await boss.insert(organizations.map(({ id }) => ({ name: REQUALIFY_ORGANIZATION, data: { organizationId: id }, singletonKey: id })));
  });
  await boss.work<{ organizationId: string }>(REQUALIFY_ORGANIZATION, async (jobs) => {
    for (const job of jobs) await sweepOrganization(client, job.data.organizationId, new Date());
  });
}
