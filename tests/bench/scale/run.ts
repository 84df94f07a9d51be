/**
 * Scale benchmark (npm run bench:scale [-- 1000 10000 …]). For each size: a throwaway database on the local
 * PostgreSQL server (named BENCH_DB_PREFIX_<size>, default winnow_bench_<size>: give each checkout its own
 * prefix on a shared server), the generated data set, the background passes timed (background.ts), then the production app started
 * against it and each page timed over RUNS requests next to the minimal SQL for the same content, in the same
 * run; the board's HTML size, stage changes at 20 concurrent users, and the app's peak memory. Reports only:
 * exits 0 whatever the figures (timed targets are not tests). Run with NODE_OPTIONS=--conditions=react-server
 * (the script sets it) so the stage change can be driven through its service function.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { setDbForTests } from "../../../lib/server/db";
import { buildIsStale, ROOT } from "../../../scripts/lib/build";
import { openMigrated } from "../../../scripts/lib/database";
import { BENCH_ORG, BENCH_PASSWORD, generate, MANAGER_EMAIL } from "./generate";
import { backgroundFigures, DB_PREFIX } from "./background";
import { floorQueries } from "./floors";

const SERVER = process.env.BENCH_PG ?? "postgresql://postgres@127.0.0.1:5432";
const PORT = Number(process.env.BENCH_PORT ?? 3108);
const RUNS = 20;
const BASE = `http://127.0.0.1:${PORT}`;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const ms = (x: number) => `${Math.round(x)} ms`;

async function time(fn: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

async function login(): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const body = new URLSearchParams({ csrfToken, email: MANAGER_EMAIL, password: BENCH_PASSWORD, json: "true" });
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { cookie: cookies, "content-type": "application/x-www-form-urlencoded" },
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c?.includes("session-token"));
  if (!session) throw new Error(`login failed (${res.status})`);
  return session;
}

function descendants(pid: number): number[] {
  const out = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
    .stdout.split("\n")
    .map((s) => Number(s.trim()))
    .filter(Boolean);
  return [pid, ...out.flatMap(descendants)];
}

/** Peak resident memory (VmHWM) of the app's processes, in MB. */
function peakMemory(root: number): number {
  let peak = 0;
  for (const pid of descendants(root)) {
    const status = fs.existsSync(`/proc/${pid}/status`) ? fs.readFileSync(`/proc/${pid}/status`, "utf8") : "";
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    peak = Math.max(peak, kb / 1024);
  }
  return peak;
}

async function startApp(url: string): Promise<ChildProcess> {
  // A server already on the port would be measured instead of this one.
  if (
    await fetch(`${BASE}/login`).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`port ${PORT} is already in use`);
  const child = spawn("npx", ["next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: ROOT,
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      NODE_ENV: "production",
      DATABASE_URL: url,
      NEXTAUTH_SECRET: "bench-secret-bench-secret-123456",
      NEXTAUTH_URL: BASE,
      WINNOW_JOBS: "off",
      LOG_LEVEL: "warn",
    },
  });
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 500));
    if (
      await fetch(`${BASE}/login`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
  }
  throw new Error("the app did not start");
}

async function stageChanges(concurrency: number, total: number): Promise<{ times: number[]; failed: number }> {
  const { advanceStage } = await import("../../../lib/server/qualification/advance-stage");
  const { db } = await import("../../../lib/server/db");
  const user = {
    id: "bench_manager",
    organizationId: BENCH_ORG,
    organizationName: "Bench Co",
    role: "manager" as const,
    email: MANAGER_EMAIL,
    name: "Bench Manager",
  };
  const deals = await db().opportunity.findMany({
    where: { organizationId: BENCH_ORG, stage: "discovery" },
    select: { id: true, version: true },
    take: total,
    orderBy: { id: "asc" },
  });
  const times: number[] = [];
  let failed = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < deals.length) {
        const deal = deals[next++]!;
        const start = performance.now();
        // Backward moves are always allowed: every one does the full write path.
        try {
          await advanceStage(user, { opportunityId: deal.id, toStage: "prospecting", version: deal.version });
          times.push(performance.now() - start);
        } catch {
          failed++;
        }
      }
    }),
  );
  return { times, failed };
}

/** BENCH_REUSE=1 measures the app on a data set generated (and scored) by an earlier run. */
const REUSE = process.env.BENCH_REUSE === "1";

async function prepare(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

async function benchSize(deals: number): Promise<void> {
  const name = `${DB_PREFIX}_${deals}`;
  const url = `${SERVER}/${name}`;
  if (!REUSE) await prepare(name);
  const opened = await openMigrated({ kind: "server", url });
  setDbForTests(opened.prisma);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  if (REUSE) {
    console.log(`\n## ${deals.toLocaleString("en-US")} deals — reusing ${name}`);
  } else {
    const t = performance.now();
    const counts = await generate(client, deals, new Date());
    console.log(`\n## ${deals.toLocaleString("en-US")} deals — generated in ${ms(performance.now() - t)}: ${JSON.stringify(counts)}`);
    // First fill, the hourly sweep (nothing moved, a day later) and an ICP save's full re-score.
    await backgroundFigures(opened.prisma, client, true);
    await client.query("ANALYZE");
  }

  const app = await startApp(url);
  try {
    const cookie = await login();
    const get = (path: string) =>
      fetch(`${BASE}${path}`, { headers: { cookie } }).then(async (r) => {
        if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
        return r.text();
      });
    const floors = floorQueries(client, BENCH_ORG);
    const pages: Array<[string, string]> = [
      ["/dashboard", "dashboard"],
      ["/pipeline", "board"],
      ["/accounts", "accounts"],
      ["/opportunities", "opportunities"],
      ["/opportunities/b_opp_3", "deal"],
      // The app's layout around a small form and no list: what Next, the session and the shell cost on any page.
      ["/accounts/new", "shell"],
    ];
    console.log(`| page | p50 | p95 | SQL floor p50 | SQL floor p95 |\n|---|---|---|---|---|`);
    const medians: Array<{ path: string; page: number; floor: number }> = [];
    for (const [path, key] of pages) {
      const page = await time(() => get(path));
      const floor = await time(() => floors[key]!());
      console.log(`| ${path} | ${ms(pct(page, 50))} | ${ms(pct(page, 95))} | ${ms(pct(floor, 50))} | ${ms(pct(floor, 95))} |`);
      medians.push({ path, page: pct(page, 50), floor: pct(floor, 50) });
    }
    // No page is served faster than the shell: its time is what a page costs beyond its own SQL and content.
    const shell = medians.find((m) => m.path === "/accounts/new")!.page;
    for (const { path, page, floor } of medians.filter((m) => m.path !== "/accounts/new"))
      console.log(
        `${path}: p50 ${ms(page - shell)} beyond the shell, ${(page / floor).toFixed(1)}× its floor (${((page - shell) / floor).toFixed(1)}× beyond the shell)`,
      );
    const html = await get("/pipeline");
    console.log(`board HTML: ${(Buffer.byteLength(html) / 1024).toFixed(0)} kB`);
    const moves = await stageChanges(20, 200);
    console.log(
      `stage change, 20 concurrent (service level, ${moves.times.length} moves, ${moves.failed} failed): p50 ${ms(pct(moves.times, 50))}, p95 ${ms(pct(moves.times, 95))}`,
    );
    console.log(`app peak memory (VmHWM): ${Math.round(peakMemory(app.pid!))} MB`);
  } finally {
    // npx leaves next-server behind when killed alone: stop the whole tree, children first.
    for (const pid of descendants(app.pid!).reverse()) spawnSync("kill", [String(pid)]);
    await client.end();
    await opened.close();
  }
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
if (buildIsStale()) spawnSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit" });
for (const size of sizes.length > 0 ? sizes : [1000, 10000]) await benchSize(size);
process.exit(0);
