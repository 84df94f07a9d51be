/**
 * Engine throughput. One "criterion evaluation" = one ICP rule evaluated against an account, or one framework
 * criterion scored from its evidence. A MEDDPICC scorecard with a 10-rule ICP (computeFit + scoreIntent) is
 * 10 + 8 = 18 evaluations. The same work is timed in a flat hand-written loop (bench/hand-loop.ts) whose output
 * is checked deep-equal to the engine's first. Then the CSV import (50,000 rows) and the scale section (pages
 * and actions at 1k / 10k deals next to their SQL floor; BENCH_SCALE="1000 10000 100000" or "off"), both on the
 * PostgreSQL server (BENCH_PG / DATABASE_URL), after the first-load JS per route of the last `next build`. Run: npm run bench. Always exits 0: it reports, it does not gate.
 */
import { deepStrictEqual } from "node:assert";
import fs from "node:fs";
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { Bench } from "tinybench";
import {
  assessOpportunity,
  computeFit,
  DEFAULT_THRESHOLDS,
  FRAMEWORKS,
  pipelineFor,
  scoreIntent,
  type AccountProfile,
  type OpportunitySnapshot,
} from "../../lib/qualification";
import { account, daysAgo, evidence, meddpiccOpportunity, NOW, SAAS_ICP } from "../../lib/qualification/testing/fixtures";
import { printBundleSizes } from "../../scripts/bundle-size";
import { handFit, handIntent, prepare } from "./hand-loop";

const TARGET_EVALS_PER_SEC = 1_000_000;
const TARGET_RATIO = 0.5;
const BATCH = 64;
const framework = FRAMEWORKS.meddpicc;
const icp = SAAS_ICP;
const pipeline = pipelineFor(framework);
const evalsPerScorecard = icp.rules.length + framework.criteria.length;

/** 16 varied accounts and deals (unknown fields, misses, stale and negative evidence) so no branch is favoured. */
function inputs(): { accounts: AccountProfile[]; deals: OpportunitySnapshot[] } {
  const accounts: AccountProfile[] = [];
  const deals: OpportunitySnapshot[] = [];
  const states = ["verified", "claimed", "unknown", "negative"] as const;
  for (let i = 0; i < 16; i++) {
    accounts.push(
      account({
        industry: i % 5 === 0 ? null : i % 3 === 0 ? "Retail" : "Software",
        employeeCount: i % 7 === 0 ? null : 40 + i * 150,
        techStack: i % 4 === 0 ? [] : ["HubSpot", "Snowflake", i % 2 ? "dbt" : "Clari"],
        hiringSignals: i % 6 === 0 ? [] : ["SDR", "Account Executive"],
      }),
    );
    const base = meddpiccOpportunity();
    deals.push({
      ...base,
      id: `opp-${i}`,
      lastActivityAt: daysAgo(i * 3),
      criteria: base.criteria.map((c, k) => evidence(c.criterionId, states[(i + k) % 4] ?? "unknown", (i * 17 + k * 23) % 150)),
    });
  }
  return { accounts, deals };
}

function check(accounts: AccountProfile[], deals: OpportunitySnapshot[], lists: string[][]): void {
  accounts.forEach((a, i) => {
    const deal = deals[i] ?? meddpiccOpportunity();
    deepStrictEqual(handFit(a, icp, lists), computeFit(a, icp));
    deepStrictEqual(handIntent(framework, deal, NOW), scoreIntent(framework, deal, NOW));
  });
}

function rate(bench: Bench, name: string, evalsPerCall: number): number {
  const task = bench.getTask(name);
  const result = task?.result;
  if (!result || result.state !== "completed") throw new Error(`Benchmark task "${name}" did not complete`);
  return (evalsPerCall * 1000) / result.latency.mean;
}

async function main(): Promise<void> {
  const { accounts, deals } = inputs();
  const lists = prepare(icp);
  check(accounts, deals, lists);
  let sink = 0;
  const bench = new Bench({ time: 2000, warmup: true, warmupTime: 500 });
  bench
    .add("engine", () => {
      for (let i = 0; i < BATCH; i++) {
        const k = i & 15;
        sink += computeFit(accounts[k]!, icp).score + scoreIntent(framework, deals[k]!, NOW).score;
      }
    })
    .add("hand", () => {
      for (let i = 0; i < BATCH; i++) {
        const k = i & 15;
        sink += handFit(accounts[k]!, icp, lists).score + handIntent(framework, deals[k]!, NOW).score;
      }
    })
    .add("assess", () => {
      for (let i = 0; i < BATCH; i++) {
        const k = i & 15;
        sink += assessOpportunity({
          pipeline,
          framework,
          icp,
          account: accounts[k]!,
          opportunity: deals[k]!,
          thresholds: DEFAULT_THRESHOLDS,
          now: NOW,
        }).fit.score;
      }
    });
  await bench.run();

  const perCall = BATCH * evalsPerScorecard;
  const engine = rate(bench, "engine", perCall);
  const hand = rate(bench, "hand", perCall);
  const assess = rate(bench, "assess", BATCH);
  const ratio = engine / hand;
  const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
  console.log(`Node ${process.version}, ${availableParallelism()} CPU(s); engine and hand loop outputs checked deep-equal first.`);
  console.log(
    `Criterion evaluation = one ICP rule or one framework criterion scored; MEDDPICC (${framework.criteria.length}) + ${icp.rules.length}-rule ICP = ${evalsPerScorecard} per scorecard (computeFit + scoreIntent).`,
  );
  console.log(`engine       ${fmt(engine)} criterion evals/s  (${fmt(engine / evalsPerScorecard)} scorecards/s)`);
  console.log(`hand loop    ${fmt(hand)} criterion evals/s  (${fmt(hand / evalsPerScorecard)} scorecards/s)`);
  console.log(`ratio        ${(100 * ratio).toFixed(1)}% of the hand-written loop`);
  console.log(`assess       ${fmt(assess)} full assessments/s (fit, intent, flags, verdict, next gate, questions)`);
  const fast = engine >= TARGET_EVALS_PER_SEC;
  const close = ratio >= TARGET_RATIO;
  console.log(`${fast ? "PASS" : "FAIL"}  throughput ≥ ${fmt(TARGET_EVALS_PER_SEC)} evals/s`);
  console.log(`${close ? "PASS" : "FAIL"}  engine ≥ ${TARGET_RATIO * 100}% of the hand-written loop`);
  if (sink === Number.MIN_SAFE_INTEGER) console.log("unreachable");
}

/** BENCH_SCALE: the deal counts of the scale section ("1000 10000" by default, "100000" too if you have the time), or "off". */
const SCALE = (process.env.BENCH_SCALE ?? "1000 10000").trim();

main()
  .then(() => {
    // Read from the last `next build`; the figure is the production bundle, so it is skipped rather than built here.
    console.log("\n# First-load JavaScript per route (scripts/bundle-size.ts)");
    if (fs.existsSync(".next/build-manifest.json")) printBundleSizes();
    else console.log("skipped: no production build in .next (run `npm run build` first)");
    // The import and scale benchmarks need a PostgreSQL server and the server modules, which load only under the
    // react-server condition outside Next; each runs as its own process.
    console.log("\n# CSV import (tests/bench/import.ts)");
    spawnSync("npx", ["tsx", "--conditions=react-server", "tests/bench/import.ts"], { stdio: "inherit", env: process.env });
    if (SCALE === "off") return;
    console.log(`\n# Scale: pages and actions next to their SQL floor, background passes, memory (tests/bench/scale/run.ts ${SCALE})`);
    spawnSync("npx", ["tsx", "tests/bench/scale/run.ts", ...SCALE.split(/\s+/)], {
      stdio: "inherit",
      env: { ...process.env, NODE_OPTIONS: "--conditions=react-server" },
    });
  })
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 0;
  });
