import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, inject, vi } from "vitest";
import { createPrismaClient, openPglite } from "../../lib/server/database/connect";
import { migrate, readMigrations } from "../../lib/server/database/migrate";
import { pgliteSession } from "../../lib/server/database/session";
import { setDbForTests, type PrismaClient } from "../../lib/server/db";
import type { SessionUser } from "../../lib/server/session";
import { MIGRATIONS_DIR } from "../../scripts/lib/database";

/** Server actions ask the session who is calling; tests say it with actAs(user) (or nobody). */
const testSession = vi.hoisted(() => ({
  user: null as SessionUser | null,
  scoped: null as null | { getStore(): { user: SessionUser | null } | undefined },
}));

/** The caller of the current async flow: asUser's scope if any, else the global actAs user. */
const current = () => {
  const store = testSession.scoped?.getStore();
  return store ? store.user : testSession.user;
};

vi.mock("@/lib/server/session", () => ({
  getSessionUser: () => Promise.resolve(current()),
  requireUser: () => {
    const user = current();
    return user ? Promise.resolve(user) : Promise.reject(new Error("not signed in"));
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

export function actAs(user: SessionUser | null): void {
  testSession.user = user;
}

const scoped = new AsyncLocalStorage<{ user: SessionUser | null }>();
testSession.scoped = scoped;

/** Runs `work` as `user` without touching the global caller, so parallel calls can be different users. */
export function asUser<T>(user: SessionUser | null, work: () => Promise<T>): Promise<T> {
  return scoped.run({ user }, work);
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
