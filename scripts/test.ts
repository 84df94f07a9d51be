// npm test — unit, integration and browser tests, then one line with the real totals.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./lib/build";

interface Tally {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  exitCode: number;
  note?: string;
}

const results = path.join(ROOT, "test-results");
fs.mkdirSync(results, { recursive: true });

function run(args: string[]): number {
  return spawnSync("npx", args, { cwd: ROOT, stdio: "inherit", env: process.env }).status ?? 1;
}

function vitest(project: "unit" | "integration", extra: string[] = []): Tally {
  const out = path.join(results, `${project}.json`);
  fs.rmSync(out, { force: true });
  const exitCode = run(["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${out}`, ...extra]);
  const json = fs.existsSync(out)
    ? (JSON.parse(fs.readFileSync(out, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number })
    : { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 };
  return { name: project, passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests, exitCode };
}

function e2e(): Tally {
  const exitCode = run(["tsx", "scripts/e2e.ts"]);
  const out = path.join(results, "e2e.json");
  if (!fs.existsSync(out)) {
    return {
      name: "e2e",
      passed: 0,
      failed: 0,
      skipped: 0,
      exitCode,
      ...(exitCode === 0 && { note: "NOT RUN: no Chromium (see the warning above)" }),
    };
  }
  const { stats } = JSON.parse(fs.readFileSync(out, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { name: "e2e", passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped, exitCode };
}

const only = process.env.WINNOW_TEST_SUITES?.split(",");
const wanted = (name: string) => !only || only.includes(name);
const tallies: Tally[] = [];
if (wanted("unit")) tallies.push(vitest("unit", ["--coverage"]));
if (wanted("integration")) tallies.push(vitest("integration"));
if (wanted("e2e")) tallies.push(e2e());

let passed = 0;
let failed = 0;
let skipped = 0;
console.log("\n── Test summary ──");
for (const t of tallies) {
  // A runner that failed without a failing test (coverage threshold, crash, setup error) still fails the run.
  const hidden = t.exitCode !== 0 && t.failed === 0 ? 1 : 0;
  console.log(
    `${t.name.padEnd(12)} ${t.passed} passed, ${t.failed + hidden} failed, ${t.skipped} skipped${hidden ? `  (runner exited ${t.exitCode})` : ""}${t.note ? `  ${t.note}` : ""}`,
  );
  passed += t.passed;
  failed += t.failed + hidden;
  skipped += t.skipped;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
