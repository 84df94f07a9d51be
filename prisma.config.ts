import fs from "node:fs";
import { defineConfig } from "prisma/config";

// `prisma generate` never uses the schema engine, but the Prisma 7 CLI tries to download it before any
// command, which cannot succeed offline. Pointing it at an existing file is safe for generate only: for
// any migrate command it would make Prisma silently do nothing, so it is never set globally.
if (process.argv.includes("generate") && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = fs.realpathSync(process.execPath);
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
});
