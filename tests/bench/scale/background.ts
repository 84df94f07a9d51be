/**
 * Background scoring at scale (run through npm run bench:scale, or alone:
 * NODE_OPTIONS=--conditions=react-server npx tsx tests/bench/scale/background.ts 10000). On a generated data set:
 * the first fill (every account and deal scored), the hourly sweep with nothing to change, the sweep a day later,
 * and a full re-score after an ICP save (every score pending, then recomputed). Reports only.
 * BENCH_REUSE=1 reuses a database an earlier run generated; BENCH_DB_PREFIX names the databases.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { PrismaClient } from "../../../lib/server/db";
import type { BatchPhases } from "../../../lib/server/qualification/batch-rescore";
import { rescoreOrganization } from "../../../lib/server/qualification/rescore-organization";
import { currentVersions, pendingDealScores } from "../../../lib/server/qualification/score-currency";
import { sweepOrganization } from "../../../lib/server/qualification/sweep";
import { openMigrated } from "../../../scripts/lib/database";
import { BENCH_ORG, generate } from "./generate";

const SERVER = process.env.BENCH_PG ?? "postgresql://postgres@127.0.0.1:5432";
export const DB_PREFIX = process.env.BENCH_DB_PREFIX ?? "winnow_bench";
const DAY = 86_400_000;
const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
/** Where a pass spent its time (summed over batches): read, engine, row + hash, write. */
const split = (p: BatchPhases) => `load ${s(p.load)} · assess ${s(p.assess)} · row+hash ${s(p.hash)} · write ${s(p.write)}`;

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const out = await fn();
  return [out, performance.now() - start];
}

/** The four background passes on an already generated organization; prints one line each. */
export async function backgroundFigures(prisma: PrismaClient, client: pg.Client, first: boolean): Promise<void> {
  const [accounts, deals] = await Promise.all([
    prisma.account.count({ where: { organizationId: BENCH_ORG } }),
    prisma.opportunity.count({ where: { organizationId: BENCH_ORG } }),
  ]);
  const now = new Date();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 200);
  try {
    if (first) {
      const [phases, fill] = await timed(() => rescoreOrganization(prisma, BENCH_ORG, "bench", undefined, "all"));
      console.log(
        `first fill (${accounts} accounts + ${deals} deals, all written): ${s(fill)}  [deals: ${split(phases.deals)}; accounts: ${split(phases.accounts)}]`,
      );
      await client.query("ANALYZE");
    }
    const [quiet, quietMs] = await timed(() => sweepOrganization(prisma, BENCH_ORG, now));
    console.log(
      `hourly sweep, nothing changed: ${s(quietMs)} (scored ${quiet.scored}, written ${quiet.written}, snapshots ${quiet.changed})  [${split(quiet.phases)}]  load avg ${loadAverage()}`,
    );
    const version =
      Number(
        (await client.query<{ v: number }>(`SELECT max(version) AS v FROM "IcpVersion" WHERE "organizationId" = $1`, [BENCH_ORG])).rows[0]?.v ?? 0,
      ) + 1;
    await client.query(
      `INSERT INTO "IcpVersion" (id, "organizationId", version, rules, "pursueThreshold", "disqualifyBelow")
       SELECT 'bench_icp_' || $2::text, "organizationId", $2::int, rules, "pursueThreshold" + 1, "disqualifyBelow" FROM "IcpVersion" WHERE "organizationId" = $1 AND version = $2::int - 1`,
      [BENCH_ORG, version],
    );
    // The new ICP version alone makes every score pending (score-currency.ts); the save writes nothing else.
    const [icp, icpMs] = await timed(() => rescoreOrganization(prisma, BENCH_ORG, "icp_change"));
    const stillPending = await prisma.opportunityAssessment.count({
      where: { organizationId: BENCH_ORG, ...pendingDealScores(await currentVersions(prisma, BENCH_ORG)) },
    });
    console.log(
      `ICP save → full re-score of ${accounts} accounts + open deals: ${s(icpMs)}  [deals: ${split(icp.deals)}; accounts: ${split(icp.accounts)}]  ${stillPending} deals still pending  load avg ${loadAverage()}`,
    );
    // After the re-score: rows a pass scored "tomorrow" are newer than a re-score now, which would leave them pending.
    const [dayLater, dayMs] = await timed(() => sweepOrganization(prisma, BENCH_ORG, new Date(now.getTime() + DAY)));
    console.log(
      `sweep a day later: ${s(dayMs)} (scored ${dayLater.scored}, written ${dayLater.written}, snapshots ${dayLater.changed})  [${split(dayLater.phases)}]  load avg ${loadAverage()}`,
    );
    console.log(`bench process peak RSS: ${Math.round(peak / 1e6)} MB`);
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  for (const size of sizes.length > 0 ? sizes : [10_000]) {
    const name = `${DB_PREFIX}_${size}`;
    const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
    await admin.connect();
    if (process.env.BENCH_REUSE !== "1") {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
    await admin.end();
    const opened = await openMigrated({ kind: "server", url: `${SERVER}/${name}` });
    const client = new pg.Client({ connectionString: `${SERVER}/${name}` });
    await client.connect();
    try {
      if (process.env.BENCH_REUSE !== "1") {
        const [counts, ms] = await timed(() => generate(client, size, new Date()));
        console.log(`\n## ${size.toLocaleString("en-US")} deals — generated in ${s(ms)}: ${JSON.stringify(counts)}`);
      } else console.log(`\n## ${size.toLocaleString("en-US")} deals — reusing ${name}`);
      await backgroundFigures(opened.prisma, client, process.env.BENCH_REUSE !== "1");
    } finally {
      await client.end();
      await opened.close();
    }
  }
}

if (process.argv[1]?.endsWith("background.ts")) await main();
