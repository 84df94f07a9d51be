import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { createPrismaClient, describeTarget, openPglite, resolveTarget, type DatabaseTarget } from "../../lib/server/database/connect";
import { migrate, readMigrations, type MigrationReport } from "../../lib/server/database/migrate";
import { pgliteSession, serverSession } from "../../lib/server/database/session";
import type { PrismaClient } from "../../lib/server/generated/prisma/client";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

export function targetFromEnv(): DatabaseTarget {
  return resolveTarget(process.env.DATABASE_URL || undefined, process.env.PGLITE_DATA_DIR || ".data/pglite");
}

/** A database opened by a script: migrations applied, a Prisma client on top, and one close for both. */
export interface OpenedDatabase {
  target: DatabaseTarget;
  prisma: PrismaClient;
  migrations: MigrationReport;
  close(): Promise<void>;
}

export async function openMigrated(target: DatabaseTarget = targetFromEnv()): Promise<OpenedDatabase> {
  const migrations = readMigrations(MIGRATIONS_DIR);
  if (target.kind === "server") {
    const session = await serverSession(target.url);
    let report: MigrationReport;
    try {
      report = await migrate(session, migrations);
    } finally {
      await session.close();
    }
    const prisma = createPrismaClient(target);
    return { target, prisma, migrations: report, close: () => prisma.$disconnect() };
  }
  const pglite: PGlite = await openPglite(target.dataDir);
  const report = await migrate(pgliteSession(pglite), migrations);
  const prisma = createPrismaClient(target, pglite);
  return {
    target,
    prisma,
    migrations: report,
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

export function logMigrations(opened: OpenedDatabase): void {
  const { applied, alreadyApplied, checksumMismatches } = opened.migrations;
  console.log(`[db] ${describeTarget(opened.target)}`);
  console.log(`[db] migrations: ${applied.length} applied now, ${alreadyApplied.length} already applied`);
  for (const name of applied) console.log(`[db]   + ${name}`);
  for (const name of checksumMismatches) {
    console.warn(`[db] WARNING: ${name} was edited after it was applied (checksum differs); write a new migration instead.`);
  }
}
