import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db";
import { logger } from "../logger";
import { deliverDue } from "../webhooks/deliver";
import { setPendingListener } from "../webhooks/emit";

const DELIVER_WEBHOOKS = "deliver-webhooks";

async function drain(client: PrismaClient): Promise<void> {
  while ((await deliverDue(client)) > 0) {
    // keep going while there is due work
  }
}

/**
 * With a server: a queued job per burst of new events (singleton, so a burst is one job) plus a job each minute
 * for retries that came due. Any app instance may run either.
 */
export async function registerWebhookDelivery(boss: PgBoss, client: PrismaClient): Promise<void> {
  await boss.createQueue(DELIVER_WEBHOOKS);
  await boss.schedule(DELIVER_WEBHOOKS, "* * * * *");
  await boss.work(DELIVER_WEBHOOKS, () => drain(client));
  setPendingListener(() => {
    // After the emitting transaction has had time to commit; a miss is picked up by the minute schedule.
    setTimeout(() => {
      boss
        .send(DELIVER_WEBHOOKS, {}, { singletonKey: "burst", singletonSeconds: 2 })
        .catch((err: unknown) => logger.error({ err }, "webhook job not queued"));
    }, 500).unref();
  });
}

/** With the embedded database (one process): the same work on timers inside it. */
export function startInProcessWebhookDelivery(client: PrismaClient): void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    drain(client)
      .catch((err: unknown) => logger.error({ err }, "webhook delivery failed"))
      .finally(() => {
        running = false;
      });
  };
  setInterval(run, 15_000).unref();
  setPendingListener(() => setTimeout(run, 500).unref());
}
