// npm run test:e2e — browser journeys against a production build on a fresh, seeded database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { serverSession } from "../lib/server/database/session";
import { buildIsStale, ROOT } from "./lib/build";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const resultsFile = path.join(ROOT, "test-results", "e2e.json");
// The app appends every error its server reports here; each browser test fails on a line added while it ran.
const requestErrorLog = path.join(ROOT, "test-results", "server-errors.log");
fs.rmSync(resultsFile, { force: true });
fs.rmSync(requestErrorLog, { force: true });
fs.mkdirSync(path.dirname(requestErrorLog), { recursive: true });

if (!fs.existsSync(chromium)) {
  const how = "install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH)";
  if (process.env.CI) {
    console.error(`\n✖ BROWSER TESTS CANNOT RUN: no Chromium at ${chromium}; ${how}\n`);
    process.exit(1);
  }
  console.warn(`\n!!! BROWSER TESTS SKIPPED: no Chromium at ${chromium}; ${how} !!!\n`);
  process.exit(0);
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
  WINNOW_REQUEST_ERROR_LOG: requestErrorLog,
  LOG_LEVEL: "warn",
};

/** A free port from the OS, so several runs (or a dev server) on one machine never collide. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}
env.E2E_PORT ??= String(await freePort());

function run(command: string, args: string[]): number {
  return spawnSync(command, args, { cwd: ROOT, env, stdio: "inherit" }).status ?? 1;
}

if (buildIsStale() && run("npx", ["next", "build"]) !== 0) process.exit(1);

// A throwaway database: a new one on the server when DATABASE_URL is set, else a fresh PGlite directory.
const serverUrl = process.env.DATABASE_URL;
const dbName = `winnow_e2e_${process.pid}`;
let cleanup: () => Promise<void>;
if (serverUrl) {
  const admin = await serverSession(serverUrl);
  await admin.exec(`CREATE DATABASE ${dbName}`);
  env.DATABASE_URL = Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString();
  cleanup = async () => {
    await admin.exec(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.close();
  };
} else {
  const dir = path.join(ROOT, ".data", `e2e-${process.pid}`);
  env.PGLITE_DATA_DIR = dir;
  cleanup = () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true }));
}

let status = 1;
try {
  status = run("npx", ["tsx", "scripts/prepare-db.ts"]);
  if (status === 0) status = run("npx", ["playwright", "test", ...process.argv.slice(2)]);
} finally {
  // E2E_KEEP_DB=1 leaves the database as the journeys left it, to serve and inspect afterwards.
  if (process.env.E2E_KEEP_DB === "1") console.log(`kept the e2e database: ${env.DATABASE_URL ?? env.PGLITE_DATA_DIR}`);
  else await cleanup();
}
process.exit(status);
