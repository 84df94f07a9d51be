import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "../db";

export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

/** Fixed-window counters in PostgreSQL: every app instance counts in the same rows. */
export const INTAKE_LIMITS = {
  perIp: { max: 5, windowSeconds: 600 },
  perForm: { max: 300, windowSeconds: 3600 },
} as const;

/** Addresses are kept only as a salted-free short hash: enough to count, not to identify. */
export function ipKey(ip: string): string {
  return createHash("sha256").update(ip).digest("hex").slice(0, 24);
}

/** Counts one hit against each limit; returns the first limit exceeded (the hit still counts). */
export async function hit(client: PrismaClient, limits: Limit[], now: Date): Promise<Limit | null> {
  for (const limit of limits) {
    const windowMs = limit.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    const rows = await client.$queryRaw<{ count: number }[]>`
      INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${limit.key}, ${windowStart}, 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
      RETURNING "count"`;
    if (Number(rows[0]?.count ?? 0) > limit.max) return limit;
  }
  return null;
}

/** Old windows are worthless; dropped opportunistically so the table stays small. */
export async function pruneBuckets(client: PrismaClient, now: Date): Promise<void> {
  await client.rateLimitBucket.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 24 * 3600 * 1000) } } });
}
