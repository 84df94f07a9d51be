import "server-only";
import { env } from "../env";
import { createPrismaClient, resolveTarget } from "./database/connect";
import type { PrismaClient } from "./generated/prisma/client";

export type { PrismaClient } from "./generated/prisma/client";
export { Prisma } from "./generated/prisma/client";

const globalForDb = globalThis as unknown as { winnowPrisma?: PrismaClient };

/** The process-wide Prisma client, cached on globalThis so hot reload does not open a second one. */
export function db(): PrismaClient {
  if (!globalForDb.winnowPrisma) {
    const { DATABASE_URL, PGLITE_DATA_DIR, DATABASE_POOL_SIZE } = env();
    globalForDb.winnowPrisma = createPrismaClient(resolveTarget(DATABASE_URL, PGLITE_DATA_DIR, DATABASE_POOL_SIZE));
  }
  return globalForDb.winnowPrisma;
}

/** Tests and scripts install a client they built themselves (e.g. on an in-memory PGlite). */
export function setDbForTests(client: PrismaClient): void {
  globalForDb.winnowPrisma = client;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
