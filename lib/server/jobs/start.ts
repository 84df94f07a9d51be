import PgBoss from "pg-boss";
import { env } from "../../env";
import { db } from "../db";
import { logger } from "../logger";
import { resurfaceAll } from "../nurture/resurface";
import { pruneRateLimitBuckets } from "../rate-limit";
import { sweepAll } from "../qualification/sweep";
import { registerJobs } from "./register";
import { backfillAssessments } from "./rescore";
import { startInProcessWebhookDelivery } from "./webhooks";

const HOUR = 60 * 60 * 1000;
const started = globalThis as unknown as { winnowJobs?: Promise<void> };

/**
 * Starts background work once per process. With a PostgreSQL server, work goes through pg-boss, a queue in
 * the same database, so app instances can be added freely. The embedded database belongs to one process, so
 * there the sweep simply runs on a timer inside it.
 */
export function startBackgroundWork(): Promise<void> {
  started.winnowJobs ??= start().catch((err: unknown) => {
    logger.error({ err }, "background work failed to start; scores will still be computed on every read");
  });
  return started.winnowJobs;
}

async function start(): Promise<void> {
  const { DATABASE_URL, WINNOW_JOBS, WINNOW_JOBS_SCHEMA } = env();
  if (WINNOW_JOBS === "off") return;
  if (DATABASE_URL) {
    const boss = new PgBoss({ connectionString: DATABASE_URL, schema: WINNOW_JOBS_SCHEMA });
    boss.on("error", (err) => logger.error({ err }, "pg-boss error"));
    await boss.start();
    await registerJobs(boss, db());
    logger.info(
      "background work: pg-boss started (hourly re-qualification, nurture pass and rate-limit pruning, re-scores after settings changes, imports, webhook delivery)",
    );
    await backfill();
    return;
  }
  await backfill();
  const sweep = () => {
    sweepAll(db(), new Date())
      .then((r) => logger.info(r, "re-qualification sweep"))
      .catch((err: unknown) => logger.error({ err }, "re-qualification sweep failed"))
      .then(() => resurfaceAll(db(), new Date()))
      .then((r) => logger.info(r, "nurture: items due for another look"))
      .catch((err: unknown) => logger.error({ err }, "nurture pass failed"))
      .then(() => pruneRateLimitBuckets(db(), new Date()))
      .catch((err: unknown) => logger.error({ err }, "rate-limit pruning failed"));
  };
  setTimeout(sweep, 60_000).unref();
  setInterval(sweep, HOUR).unref();
  startInProcessWebhookDelivery(db());
  logger.info("background work: in-process hourly re-qualification, nurture pass and rate-limit pruning, webhook delivery (embedded database)");
}

async function backfill(): Promise<void> {
  const organizations = await backfillAssessments(db());
  if (organizations > 0) logger.info({ organizations }, "background work: re-scoring rows with no stored score or an older engine's");
}
