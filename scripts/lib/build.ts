import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when there is no production build or a source file changed after it was made. */
export function buildIsStale(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public"].map((dir) => path.join(ROOT, dir)).filter((dir) => fs.existsSync(dir));
  const configs = ["next.config.js", "tailwind.config.ts", "postcss.config.mjs", "package-lock.json"].map((f) => path.join(ROOT, f));
  return sources.some((dir) => newestMtime(dir) > built) || configs.some((f) => fs.existsSync(f) && fs.statSync(f).mtimeMs > built);
}
