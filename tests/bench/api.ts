/**
 * The stage-change endpoint under load: 20 concurrent clients, each moving its own deal through
 * POST /api/v1/opportunities/{id}/stage-changes (the full path: key lookup, rate-limit upsert, the gate, the
 * write, the re-score, audit and outbox) against a production build on the PostgreSQL server.
 * Needs a PostgreSQL server (BENCH_DATABASE_URL, else DATABASE_URL, else 127.0.0.1:5432); reports, never gates.
 *
 * Besides latency it prints where the CPU went per move (the app's processes, the PostgreSQL backends of the
 * bench's database, the bench client itself, from /proc) and how busy the app's pool connections were
 * (pg_stat_activity sampled every 20 ms): CPU seconds do not stretch with the machine's load, wall times do.
 *
 * Options (environment):
 *   BENCH_INSTANCES=N      N app instances (stateless, one database); client i talks to instance i mod N, as a
 *                          load balancer with sticky connections would spread them. Default 1.
 *   BENCH_PORT=P           first instance's port (then P+1 …); default: free ports.
 *   BENCH_CPU_PROF_DIR=d   run the app under `node --cpu-prof`, profiles written to d when it stops
 *                          (summarise with tests/bench/cpu-profile-summary.ts).
 *   BENCH_REQUESTS=n       measured moves per client (default 30); BENCH_DB_PREFIX names the database.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import net from "node:net";
import { loadavg } from "node:os";
import path from "node:path";
import { FRAMEWORKS, pipelineFor } from "../../lib/qualification";
import { createPrismaClient } from "../../lib/server/database/connect";
import { migrate, readMigrations } from "../../lib/server/database/migrate";
import { serverSession } from "../../lib/server/database/session";
import { MIGRATIONS_DIR } from "../../scripts/lib/database";
import { buildIsStale, ROOT } from "../../scripts/lib/build";
import { cpuBetween, cpuSnapshot, processTree } from "./process-cpu";

const CLIENTS = 20;
const REQUESTS_PER_CLIENT = Number(process.env.BENCH_REQUESTS ?? 30);
const WARMUP_PER_CLIENT = 3;
const TARGET_P95_MS = 50;
const INSTANCES = Math.max(1, Number(process.env.BENCH_INSTANCES ?? 1));
const PROFILE_DIR = process.env.BENCH_CPU_PROF_DIR ? path.resolve(process.env.BENCH_CPU_PROF_DIR) : null;
const APP_NAME = "winnow_bench_app";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

function startApp(url: string, port: number): ChildProcess {
  const base = `http://127.0.0.1:${port}`;
  // `next start` serves from its own process; --cpu-prof is refused in NODE_OPTIONS, so it goes on the command line.
  const profile = PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  return spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      // Named, so the pool's connections can be told from the bench's own in pg_stat_activity.
      DATABASE_URL: `${url}?application_name=${APP_NAME}`,
      NEXTAUTH_SECRET: "bench-secret-not-for-production-0123",
      NEXTAUTH_URL: base,
      WINNOW_JOBS: "off",
      LOG_LEVEL: "warn",
    },
  });
}

async function stopApp(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => app.once("exit", () => resolve()));
  app.kill("SIGTERM");
  // A CPU profile is written on exit: wait for it.
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
}

async function main(): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const admin = await serverSession(serverUrl).catch(() => null);
  if (!admin) {
    console.log(`SKIP  API bench: no PostgreSQL server at ${serverUrl}`);
    return;
  }
  if (buildIsStale() && spawnSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit" }).status !== 0) throw new Error("next build failed");
  const name = `${process.env.BENCH_DB_PREFIX ?? "winnow_bench"}_api_${process.pid}`;
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  const session = await serverSession(url);
  await migrate(session, readMigrations(MIGRATIONS_DIR));
  await session.close();
  const db = createPrismaClient({ kind: "server", url });
  const apps: ChildProcess[] = [];
  try {
    const org = await db.organization.create({ data: { name: "Bench", slug: `bench-${process.pid}` } });
    const manager = await db.user.create({
      data: { organizationId: org.id, email: `bench-${process.pid}@bench.local`, name: "Bench Manager", role: "manager", passwordHash: "x" },
    });
    const account = await db.account.create({ data: { organizationId: org.id, ownerId: manager.id, name: "Bench Co" } });
    const pipeline = await db.pipeline.create({ data: { organizationId: org.id, name: "Bench", position: 0 } });
    const firstPort = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : null;
    const bases: string[] = [];
    for (let i = 0; i < INSTANCES; i++) {
      const port = firstPort !== null ? firstPort + i : await freePort();
      apps.push(startApp(url, port));
      bases.push(`http://127.0.0.1:${port}`);
    }
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const token = `wnw_${randomBytes(32).toString("base64url")}`;
        await db.apiKey.create({
          data: {
            organizationId: org.id,
            name: `bench ${i}`,
            prefix: token.slice(0, 12),
            tokenHash: createHash("sha256").update(token).digest("hex"),
            userId: manager.id,
            createdById: manager.id,
            rateLimitPerMinute: 1_000_000,
          },
        });
        const deal = await db.opportunity.create({
          data: {
            organizationId: org.id,
            pipelineId: pipeline.id,
            ownerId: manager.id,
            accountId: account.id,
            name: `Deal ${i}`,
            amount: 1000 + i,
            stage: "prospecting",
          },
        });
        return { token, dealId: deal.id, version: 1, stage: "prospecting", base: bases[i % INSTANCES]! };
      }),
    );

    for (const base of bases) {
      for (let i = 0; i < 240; i++) {
        if (
          await fetch(`${base}/api/v1/openapi.json`)
            .then((r) => r.ok)
            .catch(() => false)
        )
          break;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    // Gates are the engine's cost either way; a gateless pipeline lets every move succeed so each one writes.
    const stages = pipelineFor(FRAMEWORKS.meddpicc).stages.map((s) => ({
      id: s.id,
      label: s.label,
      probability: Math.round(s.probability * 100),
      exit: [],
    }));
    const saved = await fetch(`${bases[0]}/api/v1/pipeline`, {
      method: "PUT",
      headers: { authorization: `Bearer ${clients[0]!.token}`, "content-type": "application/json" },
      body: JSON.stringify({ stages }),
    });
    if (!saved.ok) throw new Error(`pipeline setup failed: ${saved.status} ${await saved.text()}`);

    const latencies: number[] = [];
    let failures = 0;
    const runClient = async (c: (typeof clients)[number], count: number, record: boolean) => {
      for (let i = 0; i < count; i++) {
        const toStage = c.stage === "discovery" ? "solution" : "discovery";
        const started = performance.now();
        const res = await fetch(`${c.base}/api/v1/opportunities/${c.dealId}/stage-changes`, {
          method: "POST",
          headers: { authorization: `Bearer ${c.token}`, "content-type": "application/json" },
          body: JSON.stringify({ toStage, version: c.version }),
        });
        await res.arrayBuffer();
        const elapsed = performance.now() - started;
        if (res.status !== 201) failures++;
        else {
          c.version++;
          c.stage = toStage;
        }
        if (record) latencies.push(elapsed);
      }
    };
    await Promise.all(clients.map((c) => runClient(c, WARMUP_PER_CLIENT, false)));

    // CPU before and after the measured phase; the pool's connections sampled while it runs.
    const appPids = () => apps.flatMap((a) => (a.pid ? processTree(a.pid) : []));
    const backendPids = async () =>
      (await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [name])).map((r) => r.pid);
    const pgBefore = cpuSnapshot(await backendPids());
    const appBefore = cpuSnapshot(appPids());
    const selfBefore = process.cpuUsage();
    const states = new Map<string, number>();
    let samples = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const rows = await admin.query<{ state: string; n: number }>(
          `SELECT coalesce(state, '?') AS state, count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = $2 GROUP BY 1`,
          [name, APP_NAME],
        );
        for (const r of rows) states.set(r.state, (states.get(r.state) ?? 0) + r.n);
        samples++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const started = performance.now();
    await Promise.all(clients.map((c) => runClient(c, REQUESTS_PER_CLIENT, true)));
    const seconds = (performance.now() - started) / 1000;
    sampling = false;
    await sampler;
    const self = process.cpuUsage(selfBefore);
    const appCpu = cpuBetween(appBefore, cpuSnapshot(appPids()));
    const pgCpu = cpuBetween(pgBefore, cpuSnapshot(await backendPids()));
    const selfCpu = (self.user + self.system) / 1000;

    latencies.sort((a, b) => a - b);
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    const n = latencies.length;
    console.log(
      `API stage change: ${n} requests, ${CLIENTS} concurrent clients, ${INSTANCES} app instance(s), production build on PostgreSQL (${failures} non-201)`,
    );
    console.log(
      `  p50 ${p50.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   max ${(latencies.at(-1) ?? NaN).toFixed(1)} ms   ${(n / seconds).toFixed(0)} req/s`,
    );
    console.log(
      `  CPU per move: app ${(appCpu / n).toFixed(2)} ms · PostgreSQL backends ${(pgCpu / n).toFixed(2)} ms · bench client ${(selfCpu / n).toFixed(2)} ms` +
        ` (of ${((seconds * 1000 * 2) / n).toFixed(2)} ms of 2 cores' time per move; load average ${loadavg()[0]!.toFixed(1)})`,
    );
    const avg = (state: string) => ((states.get(state) ?? 0) / Math.max(1, samples)).toFixed(1);
    console.log(
      `  app pool connections on average: active ${avg("active")} · idle in transaction ${avg("idle in transaction")} · idle ${avg("idle")} (${samples} samples)`,
    );
    console.log(`${p95 < TARGET_P95_MS && failures === 0 ? "PASS" : "FAIL"}  stage-change p95 < ${TARGET_P95_MS} ms with every move accepted`);
  } finally {
    await Promise.all(apps.map(stopApp));
    await db.$disconnect();
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 0;
});
