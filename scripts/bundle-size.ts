// npm run bundle-size — each app route's first-load JavaScript (gzipped) from a finished `next build`, flagged against
// the budget. First load = the root main files plus every chunk the route's client reference manifest loads up front
// (entryJSFiles of the route and its layouts). Chunks loaded later with next/dynamic are not counted, which is the
// point of loading charts lazily; nor are the polyfills, which only browsers without ES modules load (nomodule), as
// Next's own figure leaves them out. `npm run bench` prints it too when a build exists.
// Usage: npm run build && npm run bundle-size [-- --strict] (--strict exits 1 when a route is over budget).
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

/** The issue's budget for every page: what a phone on a mid-range connection loads without feeling slow. */
export const BUDGET_KB = 200;

type Manifest = Record<string, { entryJSFiles?: Record<string, string[]> }>;

function clientManifests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? clientManifests(full) : e.name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

/** [route, gzipped bytes] for every page of the build in `nextDir`, sorted by route. */
export function firstLoadJs(nextDir = path.resolve(".next")): Array<[string, number]> {
  const build = JSON.parse(fs.readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const gz = new Map<string, number>();
  const size = (file: string) => {
    const clean = file.replace(/^\/?_next\//, "");
    if (!gz.has(clean)) gz.set(clean, gzipSync(fs.readFileSync(path.join(nextDir, clean))).length);
    return gz.get(clean)!;
  };
  const rows: Array<[string, number]> = [];
  for (const file of clientManifests(path.join(nextDir, "server", "app"))) {
    // The manifest is a script assigning globalThis.__RSC_MANIFEST: run it in an empty sandbox to read it.
    const sandbox: { __RSC_MANIFEST?: Manifest } = {};
    vm.runInNewContext(fs.readFileSync(file, "utf8"), { globalThis: sandbox });
    for (const [route, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      const chunks = new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles ?? {}).flat()]);
      const name = route.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
      rows.push([name, [...chunks].reduce((n, c) => n + size(c), 0)]);
    }
  }
  return rows.sort(([a], [b]) => a.localeCompare(b));
}

/** Prints the table and a summary line; returns how many routes are over budget. */
export function printBundleSizes(nextDir?: string): number {
  const rows = firstLoadJs(nextDir);
  console.log(`${"route".padEnd(32)} ${"first-load JS (gzipped)".padStart(24)}`);
  let over = 0;
  for (const [route, bytes] of rows) {
    const kb = bytes / 1024;
    if (kb > BUDGET_KB) over++;
    console.log(`${route.padEnd(32)} ${`${kb.toFixed(1)} kB`.padStart(24)}${kb > BUDGET_KB ? `  OVER ${BUDGET_KB} kB` : ""}`);
  }
  const largest = Math.max(...rows.map(([, b]) => b)) / 1024;
  console.log(
    `${over === 0 ? "PASS" : "FAIL"}  ${rows.length - over} of ${rows.length} routes within ${BUDGET_KB} kB first-load JS (largest ${largest.toFixed(1)} kB)`,
  );
  return over;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!fs.existsSync(path.resolve(".next", "build-manifest.json"))) {
    console.error("No production build in .next: run `npm run build` first.");
    process.exit(1);
  }
  const over = printBundleSizes();
  if (process.argv.includes("--strict") && over > 0) process.exitCode = 1;
}
