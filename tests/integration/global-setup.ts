import type { TestProject } from "vitest/node";
import { migrate, readMigrations } from "../../lib/server/database/migrate";
import { serverSession } from "../../lib/server/database/session";
import { MIGRATIONS_DIR } from "../../scripts/lib/database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string | null;
  }
}

/**
 * With DATABASE_URL (or TEST_DATABASE_URL) set, the tests run on a throwaway database created on that server
 * and dropped afterwards; the configured database itself is never touched. Without it, each worker uses an
 * in-memory PGlite (see setup.ts).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!serverUrl) {
    project.provide("databaseUrl", null);
    return;
  }
  const host = new URL(serverUrl).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
    throw new Error(`Integration tests create and drop databases; refusing to run against non-local host ${host}.`);
  }
  const name = `winnow_test_${process.pid}`;
  const admin = await serverSession(serverUrl);
  await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
  await admin.exec(`CREATE DATABASE ${name}`);
  const testUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  const session = await serverSession(testUrl);
  await migrate(session, readMigrations(MIGRATIONS_DIR));
  await session.close();
  project.provide("databaseUrl", testUrl);

  return async () => {
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  };
}
