import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db";
import { sweepOrganization } from "../qualification/sweep";

const REQUALIFY_ALL = "requalify-all";
export const REQUALIFY_ORGANIZATION = "requalify-organization";

/** Every hour: only the deals time may have changed (`sweepOrganization`), soon enough for day-based thresholds. */
const REQUALIFY_CRON = "7 * * * *";
const REQUALIFY_FULL = "requalify-all-full";
/**
 * Once a night, every open deal: not for time (each stored row says when time may next change it, and the
 * hourly pass takes it then), but as a safety net for inputs that change outside the app's write paths, which
 * re-score the deal they touch (a contact renamed shows in a flag's text, data fixed in SQL, a restored backup).
 */
const REQUALIFY_FULL_CRON = "37 3 * * *";

/**
 * The hourly tick fans out one job per organization, so any number of app instances share the work and a
 * failing organization is retried on its own. pg-boss runs a schedule once per tick across all instances.
 */
export async function registerRequalification(boss: PgBoss, client: PrismaClient): Promise<void> {
  await boss.createQueue(REQUALIFY_ALL);
  await boss.createQueue(REQUALIFY_ORGANIZATION, { name: REQUALIFY_ORGANIZATION, retryLimit: 3, retryDelay: 60, retryBackoff: true });
  await boss.createQueue(REQUALIFY_FULL);
  await boss.schedule(REQUALIFY_ALL, REQUALIFY_CRON);
  await boss.schedule(REQUALIFY_FULL, REQUALIFY_FULL_CRON);
  const fanOut = async (full: boolean) => {
    const organizations = await client.organization.findMany({ select: { id: true } });
    await boss.insert(
      organizations.map(({ id }) => ({ name: REQUALIFY_ORGANIZATION, data: { organizationId: id, full }, singletonKey: full ? `${id}:full` : id })),
    );
  };
  await boss.work(REQUALIFY_ALL, () => fanOut(false));
  await boss.work(REQUALIFY_FULL, () => fanOut(true));
  await boss.work<{ organizationId: string; full?: boolean }>(REQUALIFY_ORGANIZATION, async (jobs) => {
    for (const job of jobs) await sweepOrganization(client, job.data.organizationId, new Date(), { full: job.data.full === true });
  });
}
