/**
 * The stage-change endpoint under load: 20 concurrent clients, each moving its own deal through
 * POST /api/v1/opportunities/{id}/stage-changes (the full path: key lookup, rate-limit upsert, the gate, the
 * write, the re-score, audit and outbox) against a production build on the PostgreSQL server.
 * Needs a PostgreSQL server (BENCH_DATABASE_URL, else DATABASE_URL, else 127.0.0.1:5432); reports, never gates.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import net from "node:net";
import { FRAMEWORKS, pipelineFor } from "../../lib/qualification";
import { createPrismaClient } from "../../lib/server/database/connect";
import { migrate, readMigrations } from "../../lib/server/database/migrate";
import { serverSession } from "../../lib/server/database/session";
import { MIGRATIONS_DIR } from "../../scripts/lib/database";
import { buildIsStale, ROOT } from "../../scripts/lib/build";

const CLIENTS = 20;
const REQUESTS_PER_CLIENT = 30;
const WARMUP_PER_CLIENT = 3;
const TARGET_P95_MS = 50;

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

async function main(): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const admin = await serverSession(serverUrl).catch(() => null);
  if (!admin) {
    console.log(`SKIP  API bench: no PostgreSQL server at ${serverUrl}`);
    return;
  }
  if (buildIsStale() && spawnSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit" }).status !== 0) throw new Error("next build failed");
  const name = `winnow_bench_api_${process.pid}`;
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  const session = await serverSession(url);
  await migrate(session, readMigrations(MIGRATIONS_DIR));
  await session.close();
  const db = createPrismaClient({ kind: "server", url });
  let server: ReturnType<typeof spawn> | null = null;
  try {
    const org = await db.organization.create({ data: { name: "Bench", slug: `bench-${process.pid}` } });
    const manager = await db.user.create({
      data: { organizationId: org.id, email: `bench-${process.pid}@bench.local`, name: "Bench Manager", role: "manager", passwordHash: "x" },
    });
    const account = await db.account.create({ data: { organizationId: org.id, ownerId: manager.id, name: "Bench Co" } });
    const pipeline = await db.pipeline.create({ data: { organizationId: org.id, name: "Bench", position: 0 } });
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
        return { token, dealId: deal.id, version: 1, stage: "prospecting" };
      }),
    );

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: ROOT,
      stdio: "ignore",
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url,
        NEXTAUTH_SECRET: "bench-secret-not-for-production-0123",
        NEXTAUTH_URL: base,
        WINNOW_JOBS: "off",
        LOG_LEVEL: "warn",
      },
    });
    for (let i = 0; i < 120; i++) {
      if (
        await fetch(`${base}/api/v1/openapi.json`)
          .then((r) => r.ok)
          .catch(() => false)
      )
        break;
      await new Promise((r) => setTimeout(r, 500));
    }
    // Gates are the engine's cost either way; a gateless pipeline lets every move succeed so each one writes.
    const stages = pipelineFor(FRAMEWORKS.meddpicc).stages.map((s) => ({
      id: s.id,
      label: s.label,
      probability: Math.round(s.probability * 100),
      exit: [],
    }));
    const saved = await fetch(`${base}/api/v1/pipeline`, {
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
        const res = await fetch(`${base}/api/v1/opportunities/${c.dealId}/stage-changes`, {
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
    const started = performance.now();
    await Promise.all(clients.map((c) => runClient(c, REQUESTS_PER_CLIENT, true)));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    console.log(
      `API stage change: ${latencies.length} requests, ${CLIENTS} concurrent clients, production build on PostgreSQL (${failures} non-201)`,
    );
    console.log(
      `  p50 ${p50.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   max ${(latencies.at(-1) ?? NaN).toFixed(1)} ms   ${(latencies.length / seconds).toFixed(0)} req/s`,
    );
    console.log(`${p95 < TARGET_P95_MS && failures === 0 ? "PASS" : "FAIL"}  stage-change p95 < ${TARGET_P95_MS} ms with every move accepted`);
  } finally {
    server?.kill("SIGTERM");
    await db.$disconnect();
    await new Promise((r) => setTimeout(r, 1000));
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 0;
});
