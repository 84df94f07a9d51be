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
 * Two load models, both printed with the 50 ms p95 target stated against each:
 *   closed loop (saturation): 20 clients, each sending its next move the moment the last one returns. It measures
 *     throughput; its latency is the queue 20 clients with no pause build (≈ 20 × CPU per move / cores).
 *   open loop (what users see): 20 users, each moving one of their deals at Poisson-random moments (mean think
 *     time BENCH_THINK_MS), latency from the scheduled send time, so queueing counts (no coordinated omission).
 *
 * Options (environment):
 *   BENCH_MODE=both|closed|open   which models to run (default both: closed, then open, on the same server).
 *   BENCH_THINK_MS=1000[,500,…]   open loop: each user's mean time between moves (1000 = 20 moves/s offered);
 *                          several values run one after another.
 *   BENCH_OPEN_SECONDS=30  open loop: scheduled duration per think time (the first 2 s are warm-up, not counted).
 *   BENCH_DEALS_PER_USER=5 open loop: deals each user owns and picks from at random.
 *   BENCH_SEED=42          open loop: the schedule's seed. BENCH_SHOW=1 prints the first answer (status, headers, body).
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
import { poissonSchedule, runOpenLoop, seededRandom } from "./open-loop";
import { cpuBetween, cpuSnapshot, processTree } from "./process-cpu";

const CLIENTS = 20;
const REQUESTS_PER_CLIENT = Number(process.env.BENCH_REQUESTS ?? 30);
const WARMUP_PER_CLIENT = 3;
const TARGET_P95_MS = 50;
const INSTANCES = Math.max(1, Number(process.env.BENCH_INSTANCES ?? 1));
const PROFILE_DIR = process.env.BENCH_CPU_PROF_DIR ? path.resolve(process.env.BENCH_CPU_PROF_DIR) : null;
const APP_NAME = "winnow_bench_app";
const MODE = process.env.BENCH_MODE ?? "both";
const THINK_MS = (process.env.BENCH_THINK_MS ?? "1000").split(",").map(Number);
const OPEN_SECONDS = Number(process.env.BENCH_OPEN_SECONDS ?? 30);
const OPEN_WARMUP_MS = 2_000;
const DEALS_PER_USER = Math.max(1, Number(process.env.BENCH_DEALS_PER_USER ?? 5));

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
        const deals = [];
        for (let d = 0; d < DEALS_PER_USER; d++) {
          const deal = await db.opportunity.create({
            data: {
              organizationId: org.id,
              pipelineId: pipeline.id,
              ownerId: manager.id,
              accountId: account.id,
              name: `Deal ${i}.${d}`,
              amount: 1000 + i,
              stage: "prospecting",
            },
          });
          deals.push({ id: deal.id, version: 1, stage: "prospecting" });
        }
        return { token, deals, base: bases[i % INSTANCES]! };
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

    let compressed = 0;
    let bytes = 0;
    let responses = 0;
    /** One move of one deal, back and forth between two stages; true when accepted (201). */
    const move = async (c: (typeof clients)[number], deal: (typeof clients)[number]["deals"][number]): Promise<boolean> => {
      const toStage = deal.stage === "discovery" ? "solution" : "discovery";
      const res = await fetch(`${c.base}/api/v1/opportunities/${deal.id}/stage-changes`, {
        method: "POST",
        headers: { authorization: `Bearer ${c.token}`, "content-type": "application/json" },
        body: JSON.stringify({ toStage, version: deal.version }),
      });
      const body = await res.arrayBuffer();
      bytes += body.byteLength;
      responses++;
      if (responses === 1 && process.env.BENCH_SHOW) console.log(res.status, [...res.headers], new TextDecoder().decode(body));
      if (res.headers.get("content-encoding")) compressed++;
      if (res.status !== 201) return false;
      deal.version++;
      deal.stage = toStage;
      return true;
    };

    // CPU before and after a measured phase; the pool's connections sampled while it runs.
    const appPids = () => apps.flatMap((a) => (a.pid ? processTree(a.pid) : []));
    const backendPids = async () =>
      (await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [name])).map((r) => r.pid);
    const measured = async <T>(phase: () => Promise<T>) => {
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
      const result = await phase();
      const seconds = (performance.now() - started) / 1000;
      sampling = false;
      await sampler;
      const self = process.cpuUsage(selfBefore);
      return {
        result,
        seconds,
        appCpu: cpuBetween(appBefore, cpuSnapshot(appPids())),
        pgCpu: cpuBetween(pgBefore, cpuSnapshot(await backendPids())),
        selfCpu: (self.user + self.system) / 1000,
        pool: (state: string) => ((states.get(state) ?? 0) / Math.max(1, samples)).toFixed(1),
        samples,
      };
    };
    const printCpu = (m: Awaited<ReturnType<typeof measured>>, n: number) => {
      const busy = ((m.appCpu + m.pgCpu + m.selfCpu) / (m.seconds * 1000 * 2)) * 100;
      console.log(
        `  CPU per move: app ${(m.appCpu / n).toFixed(2)} ms · PostgreSQL backends ${(m.pgCpu / n).toFixed(2)} ms · bench client ${(m.selfCpu / n).toFixed(2)} ms` +
          ` (2 cores ${busy.toFixed(0)} % busy with these; load average ${loadavg()[0]!.toFixed(1)})`,
      );
      console.log(
        `  app pool connections on average: active ${m.pool("active")} · idle in transaction ${m.pool("idle in transaction")} · idle ${m.pool("idle")} (${m.samples} samples)`,
      );
    };
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const verdicts: string[] = [];

    // Warm-up: every deal moved once (its first move also creates its assessment and snapshot rows).
    await Promise.all(
      clients.map(async (c) => {
        for (const deal of c.deals) await move(c, deal);
      }),
    );
    await Promise.all(
      clients.map(async (c) => {
        for (let i = 0; i < WARMUP_PER_CLIENT; i++) await move(c, c.deals[0]!);
      }),
    );

    if (MODE !== "open") {
      let failures = 0;
      const latencies: number[] = [];
      const m = await measured(() =>
        Promise.all(
          clients.map(async (c) => {
            for (let i = 0; i < REQUESTS_PER_CLIENT; i++) {
              const started = performance.now();
              if (!(await move(c, c.deals[0]!))) failures++;
              latencies.push(performance.now() - started);
            }
          }),
        ),
      );
      latencies.sort((a, b) => a - b);
      const n = latencies.length;
      const p95 = percentile(latencies, 95);
      console.log(
        `CLOSED LOOP (saturation): ${CLIENTS} clients, each sending its next move as soon as the last returns; ${n} moves, ${INSTANCES} app instance(s), production build on PostgreSQL (${failures} non-201)`,
      );
      console.log(
        `  throughput ${(n / m.seconds).toFixed(0)} moves/s   p50 ${ms(percentile(latencies, 50))}   p95 ${ms(p95)}   max ${ms(latencies.at(-1) ?? NaN)}`,
      );
      printCpu(m, n);
      const ok = p95 < TARGET_P95_MS && failures === 0;
      console.log(
        `  ${ok ? "PASS" : "FAIL"}  p95 < ${TARGET_P95_MS} ms in the closed loop (a saturation queue: ≈ ${CLIENTS} × CPU per move / 2 cores)`,
      );
      verdicts.push(`closed loop (saturation): p95 ${ms(p95)} ${ok ? "PASS" : "FAIL"}`);
    }

    if (MODE !== "closed") {
      for (const thinkMs of THINK_MS) {
        const random = seededRandom(Number(process.env.BENCH_SEED ?? 42));
        const schedule = poissonSchedule({ users: CLIENTS, dealsPerUser: DEALS_PER_USER, thinkMs, durationMs: OPEN_SECONDS * 1000, random });
        const m = await measured(() =>
          runOpenLoop(
            schedule,
            (mv) => `${mv.user}:${mv.deal}`,
            (mv) => move(clients[mv.user]!, clients[mv.user]!.deals[mv.deal]!),
            OPEN_WARMUP_MS,
          ),
        );
        const { latencies, waitedBeforeSend, failures } = m.result;
        latencies.sort((a, b) => a - b);
        waitedBeforeSend.sort((a, b) => a - b);
        const n = latencies.length;
        const offered = (CLIENTS * 1000) / thinkMs;
        const p95 = percentile(latencies, 95);
        console.log(
          `OPEN LOOP (what users see): ${CLIENTS} users, Poisson arrivals, mean think time ${thinkMs} ms (${offered.toFixed(1)} moves/s offered, ` +
            `${(schedule.length / m.seconds).toFixed(1)} sent); ${n} moves measured after ${OPEN_WARMUP_MS / 1000} s warm-up (${failures} non-201)`,
        );
        console.log(
          `  latency from scheduled send: p50 ${ms(percentile(latencies, 50))}   p95 ${ms(p95)}   p99 ${ms(percentile(latencies, 99))}   max ${ms(latencies.at(-1) ?? NaN)}` +
            `   (of which waiting before send, p95 ${ms(percentile(waitedBeforeSend, 95))})`,
        );
        printCpu(m, schedule.length);
        const ok = p95 < TARGET_P95_MS && failures === 0;
        console.log(`  ${ok ? "PASS" : "FAIL"}  p95 < ${TARGET_P95_MS} ms in the open loop at ${offered.toFixed(0)} moves/s`);
        verdicts.push(`open loop at ${offered.toFixed(0)} moves/s: p95 ${ms(p95)} ${ok ? "PASS" : "FAIL"}`);
      }
    }
    console.log(
      `Responses: ${responses}, ${compressed} of them compressed, ${(bytes / Math.max(1, responses)).toFixed(0)} bytes each on average (decoded)`,
    );
    console.log(`Target p95 < ${TARGET_P95_MS} ms — ${verdicts.join(" · ")}`);
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
