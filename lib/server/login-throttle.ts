import "server-only";
import { db } from "./db";
import { transaction } from "./transaction";

/**
 * Sign-in throttling shared by every app instance (it lives in PostgreSQL). Each attempt is counted before
 * the password is checked, so a burst of parallel guesses is counted too. After a few free failures every
 * further one doubles a waiting time (capped), during which that account or address cannot try at all.
 * Failures are forgotten after a quiet hour or a successful sign-in: a delay, never a permanent lockout.
 */
export const THROTTLE = {
  account: { freeFailures: 5 },
  ip: { freeFailures: 20 },
  firstDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
  forgetAfterSeconds: 60 * 60,
} as const;

type ThrottleKind = "account" | "ip";

function delaySeconds(failures: number, freeFailures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(THROTTLE.maxDelaySeconds, THROTTLE.firstDelaySeconds * 2 ** (failures - freeFailures));
}

const throttleKey = (kind: ThrottleKind, value: string) => `${kind}:${value.trim().toLowerCase()}`;

/** Counts one attempt against a key; says how long to wait instead when the key is still waiting. */
async function reserve(key: string, freeFailures: number, now: Date): Promise<{ retryAfterSeconds: number }> {
  return transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "LoginThrottle" ("key", "failures", "lastFailureAt") VALUES (${key}, 0, ${now}) ON CONFLICT ("key") DO NOTHING`;
    const [row] = await tx.$queryRaw<Array<{ failures: number; lastFailureAt: Date; blockedUntil: Date | null }>>`
      SELECT "failures", "lastFailureAt", "blockedUntil" FROM "LoginThrottle" WHERE "key" = ${key} FOR UPDATE`;
    if (row?.blockedUntil && row.blockedUntil > now) return { retryAfterSeconds: Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000) };
    const forgotten = !row || now.getTime() - row.lastFailureAt.getTime() > THROTTLE.forgetAfterSeconds * 1000;
    const failures = (forgotten ? 0 : row.failures) + 1;
    const wait = delaySeconds(failures, freeFailures);
    await tx.loginThrottle.update({
      where: { key },
      data: { failures, lastFailureAt: now, blockedUntil: wait > 0 ? new Date(now.getTime() + wait * 1000) : null },
    });
    return { retryAfterSeconds: 0 };
  });
}

/**
 * Before checking a password: counts the attempt for the account and the client address. Returns the
 * seconds to wait when either is throttled (the password is then not checked at all), else 0.
 */
export async function beginSignInAttempt(email: string, ip: string | null, now = new Date()): Promise<number> {
  const waits = await Promise.all([
    reserve(throttleKey("account", email), THROTTLE.account.freeFailures, now),
    ip ? reserve(throttleKey("ip", ip), THROTTLE.ip.freeFailures, now) : Promise.resolve({ retryAfterSeconds: 0 }),
  ]);
  return Math.max(...waits.map((w) => w.retryAfterSeconds));
}

/** The password was right: the account's slate is wiped, and this attempt no longer counts for the address. */
export async function signInSucceeded(email: string, ip: string | null): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { key: throttleKey("account", email) } });
  if (ip) await db().loginThrottle.updateMany({ where: { key: throttleKey("ip", ip), failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}
