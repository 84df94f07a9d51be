// Prisma 6 configuration used only by prisma/tooling/diff.mjs: the WASM schema engine ("js") reaches the shadow
// database through a driver adapter, so no native engine is downloaded. Not the app's config (../../prisma.config.ts).
import { defineConfig } from "prisma/config";
import { createAdapterFactory } from "./adapter.mjs";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => createAdapterFactory(),
});
