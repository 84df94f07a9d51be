import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db";
import { logger } from "../logger";
import { pruneRateLimitBuckets } from "../rate-limit";

export const PRUNE_RATE_LIMITS = "prune-rate-limits";

/** Every hour: a bucket is at most a day old before it may go, so an hour late costs nothing. */
const PRUNE_CRON = "41 * * * *";

/** The rate limiter's expired buckets are deleted hourly (once per tick across all instances: pg-boss's schedule). */
export async function registerRateLimitPruning(boss: PgBoss, client: PrismaClient): Promise<void> {
  await boss.createQueue(PRUNE_RATE_LIMITS);
  await boss.schedule(PRUNE_RATE_LIMITS, PRUNE_CRON);
  await boss.work(PRUNE_RATE_LIMITS, async () => {
    const deleted = await pruneRateLimitBuckets(client, new Date());
    if (deleted > 0) logger.info({ deleted }, "rate limits: expired buckets deleted");
  });
}
