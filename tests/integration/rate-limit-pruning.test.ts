import PgBoss from "pg-boss";
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { db } from "../../lib/server/db";
import { PRUNE_RATE_LIMITS, registerRateLimitPruning } from "../../lib/server/jobs/rate-limits";
import { hit, MAX_WINDOW_SECONDS, pruneRateLimitBuckets } from "../../lib/server/rate-limit";

const databaseUrl = inject("databaseUrl");
const HOUR = 3_600_000;

/** Buckets under a fresh prefix: one whose window ended over a day ago, one from an hour ago, one current. */
async function buckets(now: Date) {
  const prefix = `prune-test:${randomUUID()}`;
  const at = (msAgo: number) => new Date(now.getTime() - msAgo);
  await db().rateLimitBucket.createMany({
    data: [
      { key: `${prefix}:old`, windowStart: at(MAX_WINDOW_SECONDS * 1000 + HOUR), count: 3 },
      { key: `${prefix}:hour`, windowStart: at(HOUR), count: 2 },
    ],
  });
  await hit(db(), [{ key: `${prefix}:now`, max: 10, windowSeconds: 60 }], now);
  const keys = async () =>
    (await db().rateLimitBucket.findMany({ where: { key: { startsWith: prefix } }, select: { key: true } }))
      .map((b) => b.key.slice(prefix.length + 1))
      .sort();
  return { keys };
}

describe("rate-limit buckets", () => {
  it("are deleted once their window has ended (windows are at most a day), current ones kept", async () => {
    const now = new Date();
    const { keys } = await buckets(now);
    expect(await keys()).toEqual(["hour", "now", "old"]);
    expect(await pruneRateLimitBuckets(db(), now)).toBeGreaterThanOrEqual(1);
    expect(await keys()).toEqual(["hour", "now"]);
  });

  it("refuse a limit whose window is longer than the pruning keeps", async () => {
    await expect(hit(db(), [{ key: "prune-test:long", max: 1, windowSeconds: MAX_WINDOW_SECONDS + 1 }], new Date())).rejects.toThrow(/at most/);
  });

  it.skipIf(!databaseUrl)(
    "are pruned by the hourly pg-boss job (needs a PostgreSQL server)",
    async () => {
      const { keys } = await buckets(new Date());
      const boss = new PgBoss({ connectionString: databaseUrl!, schema: "pgboss_prune_test" });
      await boss.start();
      try {
        await registerRateLimitPruning(boss, db());
        expect((await boss.getSchedules()).map((s) => s.name)).toContain(PRUNE_RATE_LIMITS);
        const jobId = await boss.send(PRUNE_RATE_LIMITS, {});
        let state: string | undefined;
        for (let i = 0; i < 60 && state !== "completed" && state !== "failed"; i++) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          state = (await boss.getJobById(PRUNE_RATE_LIMITS, jobId!))?.state;
        }
        expect(state).toBe("completed");
        expect(await keys()).toEqual(["hour", "now"]);
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }
    },
    60_000,
  );
});
