import "server-only";
import { env } from "../env";
import { createPrismaClient, resolveTarget } from "./database/connect";
import type { PrismaClient } from "./generated/prisma/client";

export type { PrismaClient } from "./generated/prisma/client";
export { Prisma } from "./generated/prisma/client";

const globalForDb = globalThis as unknown as { winnowPrisma?: PrismaClient; winnowReplica?: PrismaClient };

/** The process-wide Prisma client, cached on globalThis so hot reload does not open a second one. */
export function db(): PrismaClient {
  if (!globalForDb.winnowPrisma) {
    const { DATABASE_URL, PGLITE_DATA_DIR, DATABASE_POOL_SIZE } = env();
    globalForDb.winnowPrisma = createPrismaClient(resolveTarget(DATABASE_URL, PGLITE_DATA_DIR, DATABASE_POOL_SIZE));
  }
  return globalForDb.winnowPrisma;
}

/**
 * The client for reads that may lag the primary by a moment: lists, dashboards and insights. It is a second
 * client on DATABASE_REPLICA_URL when that is set (a PostgreSQL read replica), else the primary. Writes, and
 * reads that must see a write just made (a record page after saving), keep using db().
 */
export function readDb(): PrismaClient {
  if (globalForDb.winnowReplica) return globalForDb.winnowReplica;
  const { DATABASE_URL, DATABASE_REPLICA_URL } = env();
  if (!DATABASE_URL || !DATABASE_REPLICA_URL) return db();
  globalForDb.winnowReplica = createPrismaClient({ kind: "server", url: DATABASE_REPLICA_URL });
  return globalForDb.winnowReplica;
}

/** Tests and scripts install a client they built themselves (e.g. on an in-memory PGlite). */
export function setDbForTests(client: PrismaClient): void {
  globalForDb.winnowPrisma = client;
}

/** Tests point the read client at another database; undefined goes back to following the environment. */
export function setReadDbForTests(client: PrismaClient | undefined): void {
  globalForDb.winnowReplica = client;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
