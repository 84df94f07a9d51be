/**
 * One stage change as POST /api/v1/opportunities/{id}/stage-changes runs it, in process (no build, no HTTP; the
 * route's own steps called one by one: key lookup, rate limit, the use case): every SQL statement it sends, in
 * order, with its time, so repeats and the transaction's length show.
 * Then the CPU of BENCH_MOVES (default 300) moves one after another: this process's (the route's steps without
 * Next and HTTP) and the PostgreSQL backends' per move, from /proc, and the backends' CPU per statement (each
 * statement charged with its backend's CPU from send to reply; summed over the moves, so the 10 ms tick evens out).
 * CPU does not stretch with the machine's load the way round-trip times do.
 * Run: NODE_OPTIONS=--conditions=react-server npx tsx tests/bench/stage-change-profile.ts (PostgreSQL server at
 * BENCH_DATABASE_URL, else 127.0.0.1:5432; a throwaway database named BENCH_DB_PREFIX_profile_<pid> is created and
 * dropped). Reports only.
 */
import { createHash, randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { serverSession } from "../../lib/server/database/session";
import { migrate, readMigrations } from "../../lib/server/database/migrate";
import { MIGRATIONS_DIR } from "../../scripts/lib/database";
import { cpuBetween, cpuSnapshot, processCpuMs } from "./process-cpu";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `${process.env.BENCH_DB_PREFIX ?? "winnow_bench"}_profile_${process.pid}`;
const MOVES = Number(process.env.BENCH_MOVES ?? 300);
const admin = await serverSession(serverUrl);
await admin.exec(`CREATE DATABASE ${name}`);
const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
process.env.DATABASE_URL = url;
process.env.WINNOW_JOBS = "off";
process.env.NEXTAUTH_SECRET ??= "profile-secret-not-for-production-0123";

// Every statement any pool client sends, with its round-trip time.
const log: Array<{ sql: string; ms: number }> = [];
let recording = false;
// With it on, the CPU each statement cost its backend (ms), by the statement's first words.
let chargingCpu = false;
const cpuByStatement = new Map<string, { calls: number; ms: number }>();
const original: (...args: unknown[]) => unknown = Reflect.get(pg.Client.prototype, "query");
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0];
  const text = typeof first === "string" ? first : ((first as { text?: string } | undefined)?.text ?? "");
  const started = performance.now();
  const backend = (this as unknown as { processID: number | null }).processID;
  const cpuStarted = chargingCpu && backend ? processCpuMs(backend) : null;
  const record = () => {
    const sql = text.replace(/\s+/g, " ").trim();
    if (recording) log.push({ sql: sql.slice(0, 110), ms: performance.now() - started });
    if (cpuStarted !== null && backend) {
      const key = sql.slice(0, 70);
      const entry = cpuByStatement.get(key) ?? { calls: 0, ms: 0 };
      entry.calls++;
      entry.ms += processCpuMs(backend) - cpuStarted;
      cpuByStatement.set(key, entry);
    }
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
    // The API's response is the moved deal the use case returns (no read after the commit).
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

  // CPU per move: first undisturbed, then with every statement charged its backend's CPU.
  const backends = async () => (await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [name])).map((r) => r.pid);
  const pgBefore = cpuSnapshot(await backends());
  const nodeBefore = process.cpuUsage();
  const cpuStarted = performance.now();
  for (let i = 0; i < MOVES; i++) await move(i % 2 === 0 ? "prospecting" : "discovery", version++);
  const wall = performance.now() - cpuStarted;
  const node = process.cpuUsage(nodeBefore);
  const pgCpu = cpuBetween(pgBefore, cpuSnapshot(await backends()));
  console.log(
    `\n${MOVES} moves in sequence: ${(wall / MOVES).toFixed(2)} ms each; CPU per move: this process ${((node.user + node.system) / 1000 / MOVES).toFixed(2)} ms` +
      ` (route steps without Next and HTTP), PostgreSQL backends ${(pgCpu / MOVES).toFixed(2)} ms`,
  );
  chargingCpu = true;
  for (let i = 0; i < MOVES; i++) await move(i % 2 === 0 ? "prospecting" : "discovery", version++);
  chargingCpu = false;
  console.log(`PostgreSQL backend CPU per statement (ms per move, summed over ${MOVES} moves):`);
  for (const [sql, { calls, ms }] of [...cpuByStatement].sort((a, b) => b[1].ms - a[1].ms)) {
    console.log(`  ${(ms / MOVES).toFixed(2).padStart(6)}  ×${(calls / MOVES).toFixed(1)}  ${sql}`);
  }
  await db().$disconnect();
} finally {
  await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.close();
}
