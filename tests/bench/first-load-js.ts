// Prints each app route's first-load JavaScript (gzipped) from a finished `next build`: the root main files and
// every chunk the route's client reference manifest loads up front (entryJSFiles). Chunks loaded
// later with next/dynamic are not counted, which is the point of loading charts lazily; nor are the polyfills,
// which only browsers without ES modules load (nomodule), as Next's own figure leaves them out.
// Usage: npx next build && npx tsx tests/bench/first-load-js.ts
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

const next = path.resolve(".next");
const build = JSON.parse(fs.readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
const gz = new Map<string, number>();
const size = (file: string) => {
  const clean = file.replace(/^\/?_next\//, "");
  if (!gz.has(clean)) gz.set(clean, gzipSync(fs.readFileSync(path.join(next, clean))).length);
  return gz.get(clean)!;
};

function manifests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? manifests(full) : e.name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

const shared = build.rootMainFiles;
const rows: Array<[string, number]> = [];
for (const file of manifests(path.join(next, "server", "app"))) {
  const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  vm.runInNewContext(fs.readFileSync(file, "utf8"), { globalThis: sandbox });
  for (const [route, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
    const chunks = new Set([...shared, ...Object.values(manifest.entryJSFiles ?? {}).flat()]);
    rows.push([route.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/", [...chunks].reduce((n, c) => n + size(c), 0)]);
  }
}
for (const [route, bytes] of rows.sort()) console.log(`${route.padEnd(32)} ${(bytes / 1024).toFixed(1).padStart(7)} kB gzipped first-load JS`);
