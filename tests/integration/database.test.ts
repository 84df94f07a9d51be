import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { createPrismaClient, openPglite } from "../../lib/server/database/connect";
import { migrate, readMigrations } from "../../lib/server/database/migrate";
import { pgliteSession } from "../../lib/server/database/session";
import { MIGRATIONS_DIR } from "../../scripts/lib/database";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "winnow-migrations-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function writeMigration(dir: string, name: string, sql: string) {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

describe("the migrator", () => {
  it("applies every migration once, recording Prisma's checksum, and is a no-op the second time", async () => {
    const pglite = await openPglite("memory://");
    const session = pgliteSession(pglite);
    const migrations = readMigrations(MIGRATIONS_DIR);
    const first = await migrate(session, migrations);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    const second = await migrate(session, migrations);
    expect(second).toMatchObject({ applied: [], alreadyApplied: first.applied, checksumMismatches: [] });
    const rows = await session.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const init = migrations[0]!;
    const expected = createHash("sha256")
      .update(fs.readFileSync(path.join(MIGRATIONS_DIR, init.name, "migration.sql")))
      .digest("hex");
    expect(rows[0]).toMatchObject({ migration_name: init.name, checksum: expected, applied_steps_count: 1 });
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    await pglite.close();
  });

  it("rolls a failing migration back completely, records it as rolled back, and retries it next time", async () => {
    const dir = path.join(scratch, "failing");
    writeMigration(dir, "001_ok", `CREATE TABLE "a" ("id" INT);`);
    writeMigration(dir, "002_broken", `CREATE TABLE "b" ("id" INT);\nINSERT INTO "nope" VALUES (1);`);
    const pglite = await openPglite("memory://");
    const session = pgliteSession(pglite);
    await expect(migrate(session, readMigrations(dir))).rejects.toThrow(/002_broken failed and was rolled back/);
    const tables = await session.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    expect(tables.map((t) => t.tablename)).toEqual(["_prisma_migrations", "a"]);
    const failed = await session.query<{ rolled_back_at: Date | null; logs: string }>(
      `SELECT rolled_back_at, logs FROM "_prisma_migrations" WHERE migration_name = '002_broken'`,
    );
    expect(failed[0]?.rolled_back_at).not.toBeNull();
    expect(failed[0]?.logs).toMatch(/nope/);

    writeMigration(dir, "002_broken", `CREATE TABLE "b" ("id" INT);`);
    expect((await migrate(session, readMigrations(dir))).applied).toEqual(["002_broken"]);
    await pglite.close();
  });

  it("warns about a migration edited after it was applied", async () => {
    const dir = path.join(scratch, "edited");
    writeMigration(dir, "001_first", `CREATE TABLE "x" ("id" INT);`);
    const pglite = await openPglite("memory://");
    const session = pgliteSession(pglite);
    await migrate(session, readMigrations(dir));
    writeMigration(dir, "001_first", `CREATE TABLE "x" ("id" BIGINT);`);
    expect((await migrate(session, readMigrations(dir))).checksumMismatches).toEqual(["001_first"]);
    await pglite.close();
  });
});

describe("the demo seed", () => {
  it("is idempotent: a second run adds nothing", async () => {
    const pglite = await openPglite("memory://");
    await migrate(pgliteSession(pglite), readMigrations(MIGRATIONS_DIR));
    const prisma = createPrismaClient({ kind: "embedded", dataDir: "memory://" }, pglite);
    const count = async () => ({
      users: await prisma.user.count(),
      accounts: await prisma.account.count(),
      contacts: await prisma.contact.count(),
      opportunities: await prisma.opportunity.count(),
      notes: await prisma.note.count(),
      evidence: await prisma.evidence.count(),
      stageChanges: await prisma.stageChange.count(),
      snapshots: await prisma.scoreSnapshot.count(),
      icp: await prisma.icpVersion.count(),
    });
    const now = new Date("2026-11-22T12:00:00Z");
    await seedDemo(prisma, { now });
    const first = await count();
    // 31 accounts + the nine-click demo deal's account; 61 open deals, 150 closed of history and the nine-click deal.
    expect(first).toMatchObject({ users: 8, accounts: 32, opportunities: 212, icp: 1 });
    expect(first.evidence).toBeGreaterThan(50);
    await seedDemo(prisma, { now });
    expect(await count()).toEqual(first);
    await prisma.$disconnect();
    await pglite.close();
  });
});
