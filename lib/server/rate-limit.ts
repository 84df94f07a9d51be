import "server-only";
import type { PrismaClient } from "./db";

/**
 * The one rate limiter: fixed-window counters in PostgreSQL (`RateLimitBucket`), so every app instance counts in
 * the same rows. Keys are namespaced by their user: "intake:ip:…", "intake:form:…", "api:key:…".
 */
export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

export interface Exceeded {
  limit: Limit;
  /** Whole seconds until the window that was exceeded ends (at least 1), for Retry-After. */
  retryAfter: number;
}

/** The longest window a limit may have: a bucket whose window started longer ago than this has expired. */
export const MAX_WINDOW_SECONDS = 86_400;

/** Counts one hit against each limit; returns the first limit exceeded (the hit still counts). */
export async function hit(client: PrismaClient, limits: Limit[], now: Date): Promise<Exceeded | null> {
  for (const limit of limits) {
    if (limit.windowSeconds > MAX_WINDOW_SECONDS) throw new Error(`Rate-limit windows are at most ${MAX_WINDOW_SECONDS} s (${limit.key})`);
    const windowMs = limit.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    const rows = await client.$queryRaw<{ count: number }[]>`
      INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${limit.key}, ${windowStart}, 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
      RETURNING "count"`;
    if (Number(rows[0]?.count ?? 0) > limit.max) {
      return { limit, retryAfter: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)) };
    }
  }
  return null;
}

/**
 * Deletes every bucket whose window has ended, whatever its length (windows are at most MAX_WINDOW_SECONDS):
 * the table holds a row per key and window, and nothing else removes them. Run hourly by a job. Returns the
 * number of rows deleted.
 */
export async function pruneRateLimitBuckets(client: PrismaClient, now: Date): Promise<number> {
  const { count } = await client.rateLimitBucket.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - MAX_WINDOW_SECONDS * 1000) } },
  });
  return count;
}
