import { z } from "zod";

/**
 * The one place that reads process.env. Everything else imports `env`.
 * Parsed lazily so build steps that never touch the database do not need any of it.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** A PostgreSQL server. Unset means the embedded PGlite database under PGLITE_DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Connections each app process keeps to a PostgreSQL server (default 10). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).optional(),
  /** Where the embedded database lives; `memory://` keeps it in memory (tests). */
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  /** Background re-qualification (pg-boss with a server, a timer with the embedded database). */
  WINNOW_JOBS: z.enum(["on", "off"]).default("on"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

export function env(): Env {
  if (parsed) return parsed;
  const result = schema.safeParse({
    ...process.env,
    // An empty DATABASE_URL in a .env file means "not set", not "invalid".
    DATABASE_URL: process.env.DATABASE_URL || undefined,
  });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  parsed = result.data;
  return parsed;
}

/** Tests switch databases between runs; this forgets the cached parse. */
export function resetEnvForTests(): void {
  parsed = undefined;
}
