import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db";
import { REFRESH_TRENDS, REFRESH_TRENDS_QUEUE, refreshTrendReport, type RefreshTrendsJob } from "../insights/trend-report";

/** Stored dashboard trends are recomputed here when a view finds them stale (`readTrends`). */
export async function registerTrendRefresh(boss: PgBoss, client: PrismaClient): Promise<void> {
  await boss.createQueue(REFRESH_TRENDS, REFRESH_TRENDS_QUEUE);
  await boss.work<RefreshTrendsJob>(REFRESH_TRENDS, async (jobs) => {
    for (const job of jobs) await refreshTrendReport(client, job.data.organizationId, job.data.pipelineId, new Date());
  });
}
