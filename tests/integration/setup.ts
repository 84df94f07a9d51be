import { afterAll, inject, vi } from "vitest";
import { createPrismaClient, openPglite } from "../../lib/server/database/connect";
import { migrate, readMigrations } from "../../lib/server/database/migrate";
import { pgliteSession } from "../../lib/server/database/session";
import { setDbForTests, type PrismaClient } from "../../lib/server/db";
import type { SessionUser } from "../../lib/server/session";
import { MIGRATIONS_DIR } from "../../scripts/lib/database";

/** Server actions ask the session who is calling; tests say it with actAs(user) (or nobody). */
const testSession = vi.hoisted(() => ({ user: null as SessionUser | null }));

vi.mock("@/lib/server/session", () => ({
  getSessionUser: () => Promise.resolve(testSession.user),
  requireUser: () => (testSession.user ? Promise.resolve(testSession.user) : Promise.reject(new Error("not signed in"))),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

export function actAs(user: SessionUser | null): void {
  testSession.user = user;
}

const shared = globalThis as unknown as { winnowTestDb?: Promise<PrismaClient> };

async function connect(): Promise<PrismaClient> {
  const url = inject("databaseUrl");
  if (url) return createPrismaClient({ kind: "server", url });
  const pglite = await openPglite("memory://");
  await migrate(pgliteSession(pglite), readMigrations(MIGRATIONS_DIR));
  return createPrismaClient({ kind: "embedded", dataDir: "memory://" }, pglite);
}

shared.winnowTestDb ??= connect();
setDbForTests(await shared.winnowTestDb);

afterAll(() => {
  actAs(null);
});
