import PgBoss from "pg-boss";
import { env } from "../../env";
import { logger } from "../logger";

const shared = globalThis as unknown as { winnowBoss?: PgBoss; winnowSender?: Promise<PgBoss> };

/** Where this process sends background work: a pg-boss queue, or a task in this process. */
export type JobRoute = "queue" | "in-process";

/**
 * With a PostgreSQL server, background work always goes through pg-boss, whether this process runs workers
 * (WINNOW_JOBS=on) or only serves requests (WINNOW_JOBS=off, with `npm run worker` running the jobs elsewhere).
 * Only the embedded database, which belongs to this one process, runs work in-process.
 */
export function jobRoute(options: { workersHere: boolean; databaseUrl: string | undefined }): JobRoute {
  return options.workersHere || options.databaseUrl ? "queue" : "in-process";
}

/** The pg-boss instance this process runs workers on (set by `registerJobs`'s callers), or none. */
export function setWorkerBoss(boss: PgBoss | undefined): void {
  shared.winnowBoss = boss;
}

async function openSender(url: string, schema: string): Promise<PgBoss> {
  // Send-only: no maintenance, no schedules, a small pool. A worker elsewhere does the rest.
  const boss = new PgBoss({ connectionString: url, schema, supervise: false, schedule: false, max: 2 });
  boss.on("error", (err) => logger.error({ err }, "pg-boss (send only) error"));
  await boss.start();
  return boss;
}

/** The pg-boss to send jobs with, or null when work runs in this process (the embedded database). */
export async function jobQueue(): Promise<PgBoss | null> {
  if (shared.winnowBoss) return shared.winnowBoss;
  const { DATABASE_URL, WINNOW_JOBS_SCHEMA } = env();
  if (jobRoute({ workersHere: false, databaseUrl: DATABASE_URL }) === "in-process" || !DATABASE_URL) return null;
  if (!shared.winnowSender) {
    const opening = openSender(DATABASE_URL, WINNOW_JOBS_SCHEMA);
    shared.winnowSender = opening;
    opening.catch(() => {
      if (shared.winnowSender === opening) shared.winnowSender = undefined; // try again on the next send
    });
  }
  return shared.winnowSender;
}

/** Tests: stop and forget the send-only instance. */
export async function closeJobSenderForTests(): Promise<void> {
  const sender = shared.winnowSender;
  shared.winnowSender = undefined;
  if (sender) await (await sender).stop({ graceful: false, wait: true });
}

/**
 * Sends a job, creating its queue (with the options its worker registers) if no worker has yet: jobs sent
 * before any worker started wait in the queue for the first one.
 */
export async function sendJob<T extends object>(boss: PgBoss, queue: PgBoss.Queue, data: T, options?: PgBoss.SendOptions): Promise<string | null> {
  if (!(await boss.getQueue(queue.name))) {
    try {
      await boss.createQueue(queue.name, queue);
    } catch (err) {
      if (!(await boss.getQueue(queue.name))) throw err; // lost a race with another instance: fine
    }
  }
  return boss.send(queue.name, data, options ?? {});
}
