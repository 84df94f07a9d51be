import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { registerPool } from "./bulk-statement";

/** Where the data lives: a PostgreSQL server, or the embedded PGlite database in a directory (or memory). */
export type DatabaseTarget = { kind: "server"; url: string; poolSize?: number } | { kind: "embedded"; dataDir: string };

export function resolveTarget(databaseUrl: string | undefined, pgliteDataDir: string, poolSize?: number): DatabaseTarget {
  return databaseUrl ? { kind: "server", url: databaseUrl, poolSize } : { kind: "embedded", dataDir: pgliteDataDir };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "embedded") return `embedded PostgreSQL (PGlite) at ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL server ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/** Extensions the migrations create (pg_trgm for list search); PGlite must load them when it opens. */
const PGLITE_EXTENSIONS = { pg_trgm };

/** Opens PGlite, creating parent directories first: PGlite.create does not. */
export async function openPglite(dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith("memory://")) fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  return PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS });
}

export function createPrismaClient(target: DatabaseTarget, pglite?: PGlite): PrismaClient {
  if (target.kind === "server") {
    // node-postgres defaults to 10 connections; DATABASE_POOL_SIZE sizes it to the server's max_connections
    // divided among the app instances.
    // The pool is made here so that bulk statements can share it (`executeBulk`); the client ends it on disconnect.
    const pool = new pg.Pool({ connectionString: target.url, allowExitOnIdle: true, ...(target.poolSize && { max: target.poolSize }) });
    const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    registerPool(client, pool);
    return client;
  }
  // An embedded data directory belongs to one process; the caller owns that PGlite instance.
  const client = pglite ?? new PGlite(target.dataDir, { extensions: PGLITE_EXTENSIONS });
  return new PrismaClient({ adapter: new PrismaPGlite(client) });
}
