import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db";
import { registerImports } from "../imports/jobs";
import { registerNurture } from "./nurture";
import { registerRateLimitPruning } from "./rate-limits";
import { registerRequalification } from "./requalification";
import { registerRescore } from "./rescore";
import { registerReportRefresh } from "./reports";
import { registerWebhookDelivery } from "./webhooks";

/**
 * Every queue and schedule of background work, and its handlers. App instances (WINNOW_JOBS=on) and the
 * separate worker process (`npm run worker`) both start work through this one list.
 */
export async function registerJobs(boss: PgBoss, client: PrismaClient): Promise<void> {
  await registerRequalification(boss, client);
  await registerRescore(boss, client);
  await registerImports(boss, client);
  await registerNurture(boss, client);
  await registerWebhookDelivery(boss, client);
  await registerRateLimitPruning(boss, client);
  await registerReportRefresh(boss, client);
}
