import bcrypt from "bcryptjs";
import { beforeEach, describe, expect, it } from "vitest";
import { authorizeCredentials } from "../../lib/server/auth";
import { db } from "../../lib/server/db";
import { THROTTLE } from "../../lib/server/login-throttle";
import { createTenant, type Tenant } from "../fixtures/tenants";

const PASSWORD = "the-right-password";
let t: Tenant;
let ip: string;

beforeEach(async () => {
  t = await createTenant("Brute");
  await db().user.update({ where: { id: t.rep.id }, data: { passwordHash: await bcrypt.hash(PASSWORD, 4) } });
  ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
});

/** One attempt at a fixed moment: "ok", "wrong" or "throttled:<seconds>". */
async function attempt(email: string, password: string, at: Date, from: string | null = ip) {
  try {
    return (await authorizeCredentials({ email, password }, from, at)) ? "ok" : "wrong";
  } catch (error) {
    return (error as Error).message.replace("THROTTLED:", "throttled:");
  }
}

const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

describe("sign-in throttling (per account and per address, in the database)", () => {
  it("100 sequential wrong passwords: only the free ones are checked, and the right one must wait too", async () => {
    const now = new Date();
    const results: string[] = [];
    for (let i = 0; i < 100; i++) results.push(await attempt(t.rep.email, "guess", now));
    expect(results.filter((r) => r === "wrong")).toHaveLength(THROTTLE.account.freeFailures);
    expect(results.filter((r) => r.startsWith("throttled:"))).toHaveLength(100 - THROTTLE.account.freeFailures);
    expect(await attempt(t.rep.email, PASSWORD, now)).toMatch(/^throttled:\d+$/);
    // A delay, not a lockout: once it has passed, the right password works and wipes the slate.
    expect(await attempt(t.rep.email, PASSWORD, at(now, THROTTLE.maxDelaySeconds + 1))).toBe("ok");
    expect(await db().loginThrottle.findUnique({ where: { key: `account:${t.rep.email}` } })).toBeNull();
  });

  it("100 parallel wrong passwords are counted before checking: no more than the free ones get through", async () => {
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 100 }, () => attempt(t.rep.email, "guess", now)));
    expect(results.filter((r) => r === "wrong")).toHaveLength(THROTTLE.account.freeFailures);
    expect(results.filter((r) => r === "ok")).toHaveLength(0);
  });

  it("each further failure doubles the wait, up to a cap", async () => {
    let now = new Date();
    const waits: number[] = [];
    for (let i = 0; i < THROTTLE.account.freeFailures + 12; i++) {
      expect(await attempt(t.rep.email, "guess", now, null)).toBe("wrong");
      const row = await db().loginThrottle.findUniqueOrThrow({ where: { key: `account:${t.rep.email}` } });
      const wait = row.blockedUntil ? Math.round((row.blockedUntil.getTime() - now.getTime()) / 1000) : 0;
      waits.push(wait);
      now = at(now, wait + 1);
    }
    expect(waits.slice(0, THROTTLE.account.freeFailures - 1)).toEqual([0, 0, 0, 0]);
    expect(waits.slice(THROTTLE.account.freeFailures - 1, THROTTLE.account.freeFailures + 3)).toEqual([1, 2, 4, 8]);
    expect(Math.max(...waits)).toBe(THROTTLE.maxDelaySeconds);
  });

  it("one address guessing across many accounts is slowed down too", async () => {
    const now = new Date();
    const results: string[] = [];
    for (let i = 0; i < THROTTLE.ip.freeFailures + 5; i++) results.push(await attempt(`nobody-${i}-${ip}@example.com`, "guess", now));
    expect(results.filter((r) => r === "wrong")).toHaveLength(THROTTLE.ip.freeFailures);
    // Even a real account with the right password waits when it comes from that address…
    expect(await attempt(t.otherRep.email, "x", now)).toMatch(/^throttled:/);
    // …but not from another address.
    await db().user.update({ where: { id: t.otherRep.id }, data: { passwordHash: await bcrypt.hash(PASSWORD, 4) } });
    expect(await attempt(t.otherRep.email, PASSWORD, now, "192.0.2.77")).toBe("ok");
  });

  it("failures are forgotten after a quiet hour", async () => {
    const now = new Date();
    for (let i = 0; i < THROTTLE.account.freeFailures; i++) await attempt(t.rep.email, "guess", now, null);
    expect(await attempt(t.rep.email, PASSWORD, now, null)).toMatch(/^throttled:/);
    expect(await attempt(t.rep.email, "guess", at(now, THROTTLE.forgetAfterSeconds + 60), null)).toBe("wrong");
    const row = await db().loginThrottle.findUniqueOrThrow({ where: { key: `account:${t.rep.email}` } });
    expect(row).toMatchObject({ failures: 1, blockedUntil: null });
  });
});
