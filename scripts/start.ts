// npm start — the zero-config way in: prepares the database, builds once if needed, serves the app.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { buildIsStale, ROOT as root } from "./lib/build";
const port = process.env.PORT ?? "3000";
const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };

// Sessions are JWTs signed with NEXTAUTH_SECRET. Behind a load balancer every instance needs the same one,
// so with a real database it must be given; the embedded default keeps a generated one beside its data.
if (!childEnv.NEXTAUTH_SECRET) {
  if (childEnv.DATABASE_URL) {
    console.error("NEXTAUTH_SECRET is required with DATABASE_URL (all app instances must share it).");
    process.exit(1);
  }
  const secretFile = path.join(root, ".data", "nextauth-secret");
  if (!fs.existsSync(secretFile)) {
    fs.mkdirSync(path.dirname(secretFile), { recursive: true });
    fs.writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  childEnv.NEXTAUTH_SECRET = fs.readFileSync(secretFile, "utf8").trim();
}
childEnv.NEXTAUTH_URL ??= `http://localhost:${port}`;

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, env: childEnv, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run("npx", ["tsx", "scripts/prepare-db.ts"]);
if (process.env.WINNOW_SKIP_BUILD !== "1" && buildIsStale()) run("npx", ["next", "build"]);
console.log(`\nWinnow is starting on ${childEnv.NEXTAUTH_URL} — demo logins are in README.md\n`);
run("npx", ["next", "start", "-p", port]);
