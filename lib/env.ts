import { z } from "zod";

/**
 * The one place that reads process.env. Everything else imports `env`.
 * Parsed lazily so build steps that never touch the database do not need any of it.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** A PostgreSQL server. Unset means the embedded PGlite database under PGLITE_DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** A read replica of DATABASE_URL for lists, dashboards and insights; unset means they read the primary. */
  DATABASE_REPLICA_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Connections each app process keeps to a PostgreSQL server (default 10). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).optional(),
  /** Where the embedded database lives; `memory://` keeps it in memory (tests). */
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  /** Background re-qualification (pg-boss with a server, a timer with the embedded database). */
  WINNOW_JOBS: z.enum(["on", "off"]).default("on"),
  /** The PostgreSQL schema pg-boss keeps its queues in (app instances and workers must agree). */
  WINNOW_JOBS_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default("pgboss"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** How many reverse proxies of ours sit in front of the app (for the client address used in sign-in limits). */
  WINNOW_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** The app's public origin (next-auth's own variable); reset links are built on it. */
  NEXTAUTH_URL: z.url().optional(),
  /** smtp(s)://user:pass@host:port. Set, reset links are emailed; unset, they are shown once to the admin. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default("Winnow <no-reply@winnow.local>"),
  /** Optional OpenID Connect single sign-on: all three set turn it on. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("Single sign-on"),
  /** Which organization a first-time SSO user joins, by email domain: "acme.com=acme,acme.co.uk=acme" (slugs). */
  OIDC_DOMAINS: z.string().default(""),
  /** The role a first-time SSO user gets. Never admin: an admin promotes them. */
  OIDC_DEFAULT_ROLE: z.enum(["rep", "manager", "marketing"]).default("rep"),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

export function env(): Env {
  if (parsed) return parsed;
  const result = schema.safeParse({
    ...process.env,
    // An empty DATABASE_URL in a .env file means "not set", not "invalid".
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    SMTP_URL: process.env.SMTP_URL || undefined,
    OIDC_ISSUER: process.env.OIDC_ISSUER || undefined,
    OIDC_CLIENT_ID: process.env.OIDC_CLIENT_ID || undefined,
    OIDC_CLIENT_SECRET: process.env.OIDC_CLIENT_SECRET || undefined,
    DATABASE_REPLICA_URL: process.env.DATABASE_REPLICA_URL || undefined,
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
