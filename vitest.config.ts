import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts"],
          environment: "node",
          // Property tests run thousands of cases; on a busy 2-core CI box 5 s is not enough headroom.
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias: { ...alias, "server-only": path.resolve(import.meta.dirname, "tests/fixtures/server-only.ts") } },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          fileParallelism: false,
          // Generous: a fresh embedded database plus the full demo seed takes tens of seconds on a busy 2-core box.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
    coverage: {
      provider: "v8",
      include: ["lib/qualification/**/*.ts"],
      exclude: ["lib/qualification/**/*.test.ts"],
      thresholds: { lines: 95 },
    },
  },
});
