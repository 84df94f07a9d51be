/**
 * One stage change as POST /api/v1/opportunities/{id}/stage-changes runs it, in process (no build, no HTTP; the
 * route's own steps called one by one: key lookup, rate limit, the use case): every SQL statement it sends, in
 * order, with its time, so repeats and the transaction's length show.
 * Run: NODE_OPTIONS=--conditions=react-server npx tsx tests/bench/stage-change-profile.ts (PostgreSQL server at
 * BENCH_DATABASE_URL, else 127.0.0.1:5432; a throwaway database is created and dropped). Reports only.
 */
import { createHash, randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { serverSession } from "../../lib/server/database/session";
import { migrate, readMigrations } from "../../lib/server/database/migrate";
import { MIGRATIONS_DIR } from "../../scripts/lib/database";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `winnow_bench_profile_${process.pid}`;
const admin = await serverSession(serverUrl);
await admin.exec(`CREATE DATABASE ${name}`);
const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
process.env.DATABASE_URL = url;
process.env.WINNOW_JOBS = "off";
process.env.NEXTAUTH_SECRET ??= "profile-secret-not-for-production-0123";

// Every statement any pool client sends, with its round-trip time.
const log: Array<{ sql: string; ms: number }> = [];
let recording = false;
const original: (...args: unknown[]) => unknown = Reflect.get(pg.Client.prototype, "query");
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0];
  const text = typeof first === "string" ? first : ((first as { text?: string } | undefined)?.text ?? "");
  const started = performance.now();
  const record = () => {
    if (recording) log.push({ sql: text.replace(/\s+/g, " ").slice(0, 110), ms: performance.now() - started });
  };
  const callback = args.at(-1);
  if (typeof callback === "function") {
    args[args.length - 1] = (...rest: unknown[]) => {
      record();
      return (callback as (...a: unknown[]) => unknown)(...rest);
    };
  }
  const result = original.apply(this, args);
  if (result instanceof Promise) void result.then(record, () => undefined);
  return result;
} as typeof pg.Client.prototype.query;

try {
  const session = await serverSession(url);
  await migrate(session, readMigrations(MIGRATIONS_DIR));
  await session.close();
  const { db } = await import("../../lib/server/db");
  const { authenticateToken } = await import("../../lib/server/api/keys");
  const { hit } = await import("../../lib/server/rate-limit");
  // The use case's own function (the registry module also loads the sign-in providers, which need Next).
  const { advanceStage } = await import("../../lib/server/qualification/advance-stage");
  const org = await db().organization.create({ data: { name: "Profile", slug: `profile-${process.pid}` } });
  const manager = await db().user.create({
    data: { organizationId: org.id, email: `p-${process.pid}@bench.local`, name: "Profile Manager", role: "manager", passwordHash: "x" },
  });
  const account = await db().account.create({ data: { organizationId: org.id, ownerId: manager.id, name: "Profile Co" } });
  const token = `wnw_${randomBytes(32).toString("base64url")}`;
  await db().apiKey.create({
    data: {
      organizationId: org.id,
      name: "profile",
      prefix: token.slice(0, 12),
      tokenHash: createHash("sha256").update(token).digest("hex"),
      userId: manager.id,
      createdById: manager.id,
      rateLimitPerMinute: 1_000_000,
    },
  });
  const pipeline = await db().pipeline.create({ data: { organizationId: org.id, name: "Profile", position: 0 } });
  const deal = await db().opportunity.create({
    data: {
      organizationId: org.id,
      pipelineId: pipeline.id,
      ownerId: manager.id,
      accountId: account.id,
      name: "Deal",
      amount: 1000,
      stage: "prospecting",
    },
  });
  const move = async (toStage: string, version: number) => {
    const caller = await authenticateToken(token);
    if (!caller) throw new Error("key refused");
    await hit(db(), [{ key: `api:key:${caller.keyId}`, max: caller.rateLimitPerMinute, windowSeconds: 60 }], new Date());
    await advanceStage(caller.user, { opportunityId: deal.id, toStage, version });
  };
  let version = 1;
  for (let i = 0; i < 4; i++) await move(i % 2 === 0 ? "discovery" : "prospecting", version++); // warm caches and connections
  recording = true;
  const started = performance.now();
  await move("discovery", version++);
  const total = performance.now() - started;
  recording = false;
  await new Promise((r) => setTimeout(r, 50));
  const begin = log.findIndex((q) => /^BEGIN/i.test(q.sql));
  const commit = log.findIndex((q) => /^COMMIT/i.test(q.sql));
  log.forEach((q, i) =>
    console.log(`${String(i + 1).padStart(2)} ${q.ms.toFixed(1).padStart(6)} ms  ${i >= begin && i <= commit ? "tx " : "   "}${q.sql}`),
  );
  const inTx = log.slice(begin, commit + 1).reduce((s, q) => s + q.ms, 0);
  console.log(
    `\n${log.length} statements (${commit - begin + 1} in the transaction, ${inTx.toFixed(1)} ms of round trips), request ${total.toFixed(1)} ms`,
  );
  await db().$disconnect();
} finally {
  await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.close();
}
