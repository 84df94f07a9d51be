/**
 * A/B of the background passes on identical data (reports only). `setup <size>` generates
 * `<BENCH_DB_PREFIX>_golden_<size>` and fills every score once, with THIS checkout's code and migrations; `run
 * <size> <label>` copies the golden database (CREATE DATABASE … TEMPLATE, so every run starts from the same
 * rows), migrates the copy with this checkout's migrations, then times: the ICP save → full re-score of the
 * open deals (every row written), the quiet hourly sweep (nothing written) and the sweep a day later (every row
 * written), and prints rows written and how much the assessment table grew (heap, indexes, TOAST: figures that do
 * not depend on the machine's load), then drops the copy. Run the same `run` from two checkouts, alternating,
 * to compare code. NODE_OPTIONS=--conditions=react-server npx tsx tests/bench/rescore-ab.ts setup 10000
 * AB_GOLDEN names another database to copy (any where every score is current, e.g. the scale bench's
 * `winnow_bench_100000`); AB_PASSES=icp times the ICP save's re-score alone; AB_SQL runs on the copy before
 * anything else (a storage setting to try). Each run also prints where the re-score spent its time, the CPU
 * used by this process and by the database's backends, and a fingerprint of the stored content (equal
 * fingerprints: the same rows stored).
 */
import fs from "node:fs";
import os from "node:os";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import pg from "pg";
import type { BatchPhases } from "../../lib/server/qualification/batch-rescore";
import { rescoreOrganization } from "../../lib/server/qualification/rescore-organization";
import { sweepOrganization } from "../../lib/server/qualification/sweep";
import { openMigrated } from "../../scripts/lib/database";
import { BENCH_ORG, generate } from "./scale/generate";

const SERVER = process.env.BENCH_PG ?? "postgresql://postgres@127.0.0.1:5432";
const PREFIX = process.env.BENCH_DB_PREFIX ?? "winnow_bench";
const DAY = 86_400_000;
/** The generated data's "now": fixed, so every copy and every run scores the same dates. */
const NOW = new Date("2026-12-02T06:00:00Z");
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () => os.loadavg()[0]!.toFixed(1);

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Total bytes of the assessment table: heap, TOAST and every index, and the HOT share of its updates. */
async function tableStats(c: pg.Client) {
  const { rows } = await c.query<{ heap: string; toast: string; indexes: string; upd: string; hot: string }>(`
    SELECT pg_relation_size(c.oid) AS heap, coalesce(pg_total_relation_size(c.reltoastrelid), 0) AS toast,
      pg_indexes_size(c.oid) AS indexes, s.n_tup_upd AS upd, s.n_tup_hot_upd AS hot
    FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = 'OpportunityAssessment'`);
  const r = rows[0]!;
  return { heap: Number(r.heap), toast: Number(r.toast), indexes: Number(r.indexes), upd: Number(r.upd), hot: Number(r.hot) };
}

/**
 * What the passes stored, as numbers that do not depend on when they ran: rows, snapshots (without their time)
 * and a sum of per-row hashes of every stored column but computedAt (instants to the day, as `contentHash` does:
 * a "not yet" verdict's resume date runs from the time of the run).
 */
const dayOnly = (text: string) => `regexp_replace(${text}, 'T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z', '', 'g')`;

async function fingerprint(c: pg.Client): Promise<string> {
  const { rows } = await c.query<{ deals: string; accounts: string; snapshots: string }>(`
    SELECT (SELECT count(*) || ' rows, ' || coalesce(sum(hashtext(concat_ws('|', "opportunityId", fit, intent, verdict, "riskLevel",
        "flagKinds", "maxSeverity", "flagCount", gaps, "nextStage", "blockerCount", band, "stageProbability", "adjustedProbability",
        "adjustedAmount", ${dayOnly("result::text")}, "icpVersion", "qualificationVersion", "engineVersion", "contentHash",
        "reassessAt"::date))::bigint), 0)
        FROM "OpportunityAssessment") AS deals,
      (SELECT count(*) || ' rows, ' || coalesce(sum(hashtext(concat_ws('|', "accountId", fit, verdict, result::text, "icpVersion",
        "engineVersion", "contentHash"))::bigint), 0) FROM "AccountAssessment") AS accounts,
      (SELECT count(*) || ' rows, ' || coalesce(sum(hashtext(concat_ws('|', "opportunityId", stage, fit, intent, verdict, trigger))::bigint), 0)
        FROM "ScoreSnapshot") AS snapshots`);
  const r = rows[0]!;
  return `deal scores ${r.deals}; account scores ${r.accounts}; snapshots ${r.snapshots}`;
}

const split = (p: BatchPhases) => `load ${s(p.load)} · assess ${s(p.assess)} · row+hash ${s(p.hash)} · write ${s(p.write)}`;

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** CPU seconds (user + system) the database's backends have used so far, from /proc (the server is local). */
async function backendCpu(c: pg.Client): Promise<Map<number, number>> {
  const { rows } = await c.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    const stat = fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, "utf8") : "";
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks.set(pid, (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100);
  }
  return ticks;
}

async function measured(c: pg.Client, label: string, fn: () => Promise<unknown>): Promise<void> {
  await c.query(`SELECT pg_stat_force_next_flush()`).catch(() => undefined);
  const before = await tableStats(c);
  const cpuBefore = await backendCpu(c);
  // Sampled through the run: a pool connection that closes when idle takes its CPU figure with it.
  const cpuSeen = new Map(cpuBefore);
  const sampler = setInterval(() => {
    void backendCpu(c).then((now) => {
      for (const [pid, seconds] of now) cpuSeen.set(pid, Math.max(seconds, cpuSeen.get(pid) ?? 0));
    });
  }, 500);
  const nodeBefore = process.cpuUsage();
  // How long this process's event loop was held at a time: what a request served by the same process would wait.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const result = await fn();
  const ms = performance.now() - started;
  delay.disable();
  const node = process.cpuUsage(nodeBefore);
  console.log(`  event loop delay: p99 ${Math.round(delay.percentile(99) / 1e6)} ms, max ${Math.round(delay.max / 1e6)} ms`);
  clearInterval(sampler);
  for (const [pid, seconds] of await backendCpu(c)) cpuSeen.set(pid, Math.max(seconds, cpuSeen.get(pid) ?? 0));
  let database = 0;
  for (const [pid, seconds] of cpuSeen) database += seconds - (cpuBefore.get(pid) ?? 0);
  console.log(`  CPU: node ${s((node.user + node.system) / 1000)}, PostgreSQL backends ${database.toFixed(1)} s`);
  if (typeof result === "object" && result !== null && "deals" in result && "accounts" in result) {
    const phases = result as { deals: BatchPhases; accounts: BatchPhases };
    console.log(`  deals: ${split(phases.deals)}; accounts: ${split(phases.accounts)}`);
  }
  await new Promise((r) => setTimeout(r, 1500)); // table statistics are flushed by the backends every second
  const after = await tableStats(c);
  const written = typeof result === "object" && result !== null && "written" in result ? ` written ${String(result.written)},` : "";
  console.log(
    `${label}: ${s(ms)} (load ${load()})${written} updates ${after.upd - before.upd} (HOT ${after.hot - before.hot}), growth heap ${mb(after.heap - before.heap)} toast ${mb(after.toast - before.toast)} indexes ${mb(after.indexes - before.indexes)}`,
  );
}

async function setup(size: number): Promise<void> {
  const name = `${PREFIX}_golden_${size}`;
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const opened = await openMigrated({ kind: "server", url: `${SERVER}/${name}` });
  const c = new pg.Client({ connectionString: `${SERVER}/${name}` });
  await c.connect();
  try {
    const started = performance.now();
    console.log(`generated ${JSON.stringify(await generate(c, size, NOW))} in ${s(performance.now() - started)}`);
    await rescoreOrganization(opened.prisma, BENCH_ORG, "bench", undefined, "all");
    await c.query("VACUUM ANALYZE");
    console.log(`filled in ${s(performance.now() - started)}`);
  } finally {
    await c.end();
    await opened.close();
  }
}

async function run(size: number, label: string): Promise<void> {
  const name = `${PREFIX}_ab_${process.pid}`;
  const golden = process.env.AB_GOLDEN ?? `${PREFIX}_golden_${size}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${golden}`));
  try {
    const opened = await openMigrated({ kind: "server", url: `${SERVER}/${name}` });
    const c = new pg.Client({ connectionString: `${SERVER}/${name}` });
    await c.connect();
    try {
      // A storage or planner setting to try on the copy alone (e.g. a column's compression), before anything runs.
      if (process.env.AB_SQL) await c.query(process.env.AB_SQL);
      await c.query("VACUUM ANALYZE");
      const prisma = opened.prisma;
      console.log(`## ${label}, ${size} deals, ${new Date().toISOString()}`);
      await c.query(
        `INSERT INTO "IcpVersion" (id, "organizationId", version, rules, "pursueThreshold", "disqualifyBelow")
         SELECT 'ab_icp', "organizationId", version + 1, rules, "pursueThreshold" + 1, "disqualifyBelow" FROM "IcpVersion"
         WHERE "organizationId" = $1 ORDER BY version DESC LIMIT 1`,
        [BENCH_ORG],
      );
      // The new ICP version alone makes every stored score pending (score-currency.ts).
      await measured(c, "ICP save → re-score (deals + accounts)", () => rescoreOrganization(prisma, BENCH_ORG, "icp_change"));
      console.log(`  stored: ${await fingerprint(c)}`);
      if (process.env.AB_PASSES === "icp") return;
      // The re-score ran on the clock (as a settings save's does), so the sweeps count from it: from the data's
      // fixed NOW they would come before what the re-score stored, and find nothing due.
      const rescored = Date.now();
      await measured(c, "quiet sweep", () => sweepOrganization(prisma, BENCH_ORG, new Date(rescored + 3_600_000)));
      await measured(c, "sweep a day later", () => sweepOrganization(prisma, BENCH_ORG, new Date(rescored + DAY)));
    } finally {
      await c.end();
      await opened.close();
    }
  } finally {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

const [command, size, label] = process.argv.slice(2);
if (command === "setup") await setup(Number(size ?? 10_000));
else if (command === "run") await run(Number(size ?? 10_000), label ?? "run");
else console.log("usage: rescore-ab.ts setup <size> | run <size> <label>");
