import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db";
import { logger } from "../logger";
import { resurfaceDue } from "../nurture/resurface";

const RESURFACE_ALL = "resurface-all";
export const RESURFACE_ORGANIZATION = "resurface-organization";

/** Every hour: resume dates are days, so an hour late is on time. */
const RESURFACE_CRON = "23 * * * *";

/**
 * "Not yet" leads and deals come back for their owner when their resume date arrives or a watched account
 * signal changed, whether or not anyone opens a page: the hourly tick fans out one job per organization.
 */
export async function registerNurture(boss: PgBoss, client: PrismaClient): Promise<void> {
  await boss.createQueue(RESURFACE_ALL);
  await boss.createQueue(RESURFACE_ORGANIZATION, { name: RESURFACE_ORGANIZATION, retryLimit: 3, retryDelay: 60, retryBackoff: true });
  await boss.schedule(RESURFACE_ALL, RESURFACE_CRON);
  await boss.work(RESURFACE_ALL, async () => {
    const organizations = await client.organization.findMany({ select: { id: true } });
    await boss.insert(organizations.map(({ id }) => ({ name: RESURFACE_ORGANIZATION, data: { organizationId: id }, singletonKey: id })));
  });
  await boss.work<{ organizationId: string }>(RESURFACE_ORGANIZATION, async (jobs) => {
    for (const job of jobs) {
      const back = await resurfaceDue(client, job.data.organizationId, new Date());
      if (back.leads + back.deals > 0) logger.info({ organizationId: job.data.organizationId, ...back }, "nurture: items due for another look");
    }
  });
}
