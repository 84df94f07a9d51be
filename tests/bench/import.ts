/**
 * CSV import at scale: 50,000 generated lead rows through the real importer (streamed parsing, validation,
 * scoring, routing, batched inserts, per-row results) against the PostgreSQL server, dry run then import.
 * Target: the import under 20 s end to end with bounded memory. Reports; never fails the run.
 * Run through tests/bench/run.ts (npm run bench), which starts it with the react-server condition so the
 * server modules load outside Next.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { serverSession } from "../../lib/server/database/session";
import { openMigrated } from "../../scripts/lib/database";
import { runImport } from "../../lib/server/imports/run-import";
import { guessMapping } from "../../lib/validation/import";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
const TARGET_MS = 20_000;
const REGIONS = ["North America", "EMEA", "APAC", "LATAM"];
const INDUSTRIES = ["SaaS", "Fintech", "Retail", "Healthcare", "Logistics"];

function csv(): string {
  const lines = ["name,email,company,domain,employees,industry,region,criterion:identify_pain"];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `Person ${i},person${i}@company${i}.example,Company ${i},company${i}.example,${20 + ((i * 37) % 5000)},${INDUSTRIES[i % 5]},${REGIONS[i % 4]},${i % 3 === 0 ? "claimed" : "unknown"}`,
    );
  }
  return lines.join("\n");
}

/**
 * CPU seconds spent by this process and by the PostgreSQL backends serving the bench database (read from /proc, so
 * only when the server runs on this machine): firmer than wall time on a shared, loaded machine.
 */
async function cpuNow(admin: Awaited<ReturnType<typeof serverSession>>, database: string): Promise<{ node: number; pg: number | null }> {
  const { user, system } = process.cpuUsage();
  const rows = await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [database]);
  let pg: number | null = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      pg += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      pg = null;
      break;
    }
  }
  return { node: (user + system) / 1e6, pg };
}

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `winnow_bench_import_${process.pid}`;
  const admin = await serverSession(base);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
  const opened = await openMigrated({ kind: "server", url });
  const prisma = opened.prisma;
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  try {
    const org = await prisma.organization.create({ data: { name: "Bench", slug: `bench-${process.pid}` } });
    await prisma.pipeline.create({ data: { organizationId: org.id, name: "New business", position: 0 } });
    const users = await prisma.user.createManyAndReturn({
      data: ["marketing", "rep", "rep"].map((role, i) => ({
        organizationId: org.id,
        email: `u${i}-${process.pid}@bench.local`,
        name: `U${i}`,
        role: role as "rep" | "marketing",
        passwordHash: "x",
      })),
    });
    await prisma.icpVersion.create({
      data: {
        organizationId: org.id,
        version: 1,
        pursueThreshold: 50,
        rules: [
          { id: "size", label: "50+", kind: "employee_range", min: 50, weight: 40, knockout: true },
          { id: "industry", label: "SaaS/Fintech", kind: "industry_in", industries: ["SaaS", "Fintech"], weight: 30, knockout: false },
          { id: "region", label: "NA/EMEA", kind: "region_in", regions: ["North America", "EMEA"], weight: 30, knockout: false },
        ],
      },
    });
    const text = csv();
    const headers = text.slice(0, text.indexOf("\n")).split(",");
    const job = await prisma.importJob.create({
      data: {
        organizationId: org.id,
        createdById: users[0]!.id,
        kind: "leads",
        fileName: "bench.csv",
        source: text,
        headers,
        mapping: guessMapping("leads", headers),
        status: "dry_run_queued",
        total: ROWS,
      },
    });
    const c0 = await cpuNow(admin, name);
    const t0 = performance.now();
    await runImport(prisma, job.id);
    const dry = performance.now() - t0;
    const c1 = await cpuNow(admin, name);
    await prisma.importJob.update({ where: { id: job.id }, data: { status: "queued" } });
    const t1 = performance.now();
    await runImport(prisma, job.id);
    const run = performance.now() - t1;
    const c2 = await cpuNow(admin, name);
    const cpu = (a: typeof c0, b: typeof c0) =>
      `CPU: node ${(b.node - a.node).toFixed(1)} s, PostgreSQL ${a.pg === null || b.pg === null ? "n/a" : `${(b.pg - a.pg).toFixed(1)} s`}`;
    const done = await prisma.importJob.findUniqueOrThrow({
      where: { id: job.id },
      select: { status: true, created: true, errors: true, duplicates: true },
    });
    const leads = await prisma.lead.count({ where: { organizationId: org.id } });
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    console.log(`\nCSV import, ${ROWS.toLocaleString("en-US")} lead rows (${mb(Buffer.byteLength(text))} file) against PostgreSQL:`);
    console.log(`dry run      ${(dry / 1000).toFixed(1)} s  (${cpu(c0, c1)})`);
    console.log(
      `import       ${(run / 1000).toFixed(1)} s  (${Math.round(ROWS / (run / 1000)).toLocaleString("en-US")} rows/s; ${done.status}, ${done.created} created, ${done.errors} errors, ${leads} leads in the table)`,
    );
    console.log(
      `             ${cpu(c1, c2)}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    console.log(`peak RSS     ${mb(peak)}`);
    console.log(`${run < TARGET_MS && leads === ROWS ? "PASS" : "FAIL"}  import of ${ROWS.toLocaleString("en-US")} rows under ${TARGET_MS / 1000} s`);
  } finally {
    clearInterval(sampler);
    await opened.close();
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 0;
});
