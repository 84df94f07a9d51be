/**
 * Discrete pg connection fields from a URL. adapter-pg spreads its config and overrides `database`, which a
 * connectionString would win over, so both the adapter and the diff script connect through these fields.
 */
export function pgConfigFromUrl(url, database) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || "127.0.0.1",
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || "postgres",
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: database ?? (decodeURIComponent(u.pathname.slice(1)) || "postgres"),
    ssl: ["require", "verify-ca", "verify-full"].includes(u.searchParams.get("sslmode") ?? "")
      ? { rejectUnauthorized: u.searchParams.get("sslmode") !== "require" }
      : undefined,
    connectionTimeoutMillis: 5000,
  };
}
