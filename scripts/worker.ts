// npm run worker — runs the background jobs (pg-boss) in their own process, so app instances can run with
// WINNOW_JOBS=off and serve requests only. Any number of workers may run: pg-boss hands each job to one of them.
import PgBoss from "pg-boss";
import { env } from "../lib/env";
import { registerJobs } from "../lib/server/jobs/register";
import { backfillAssessments } from "../lib/server/jobs/rescore";
import { logMigrations, openMigrated, targetFromEnv } from "./lib/database";

const target = targetFromEnv();
if (target.kind !== "server") {
  console.error("[worker] needs DATABASE_URL (a PostgreSQL server). With the embedded database, the app runs its jobs itself.");
  process.exit(1);
}

const opened = await openMigrated(target);
logMigrations(opened);
const boss = new PgBoss({ connectionString: target.url, schema: env().WINNOW_JOBS_SCHEMA });
boss.on("error", (err) => console.error("[worker] pg-boss error", err));
await boss.start();
await registerJobs(boss, opened.prisma);
const backfilled = await backfillAssessments(opened.prisma);
if (backfilled > 0) console.log(`[worker] queued re-scores for ${backfilled} organization(s) with rows unscored or scored by an older engine`);
console.log("[worker] started: running background jobs until stopped (Ctrl+C)");

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: finishing the jobs in hand, then stopping`);
  await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  await opened.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
