import { afterAll, describe, expect, inject, it } from "vitest";
import { resetEnvForTests } from "../../lib/env";
import { accountListParams, findAccounts } from "../../lib/server/accounts/queries";
import { createPrismaClient, openPglite } from "../../lib/server/database/connect";
import { migrate, readMigrations } from "../../lib/server/database/migrate";
import { pgliteSession, serverSession } from "../../lib/server/database/session";
import { db, readDb, setReadDbForTests, type PrismaClient } from "../../lib/server/db";
import { getAccount } from "../../lib/server/accounts/queries";
import { MIGRATIONS_DIR } from "../../scripts/lib/database";
import { createTenant } from "../fixtures/tenants";

/** A second, migrated database standing in for a replica: a new database on the server, else another PGlite. */
async function secondDatabase(): Promise<{ client: PrismaClient; url: string | null; drop(): Promise<void> }> {
  const primaryUrl = inject("databaseUrl");
  if (!primaryUrl) {
    const pglite = await openPglite("memory://");
    await migrate(pgliteSession(pglite), readMigrations(MIGRATIONS_DIR));
    const client = createPrismaClient({ kind: "embedded", dataDir: "memory://" }, pglite);
    return {
      client,
      url: null,
      drop: async () => {
        await client.$disconnect();
        await pglite.close();
      },
    };
  }
  const name = `winnow_replica_${process.pid}`;
  const admin = await serverSession(primaryUrl);
  await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(primaryUrl), { pathname: `/${name}` }).toString();
  const session = await serverSession(url);
  await migrate(session, readMigrations(MIGRATIONS_DIR));
  await session.close();
  const client = createPrismaClient({ kind: "server", url });
  return {
    client,
    url,
    drop: async () => {
      await client.$disconnect();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

const replica = await secondDatabase();
const saved = { url: process.env.DATABASE_URL, replica: process.env.DATABASE_REPLICA_URL };

afterAll(async () => {
  setReadDbForTests(undefined);
  process.env.DATABASE_REPLICA_URL = saved.replica;
  process.env.DATABASE_URL = saved.url;
  resetEnvForTests();
  await replica.drop();
});

/** The same organization and user on both databases, with a different account on each. */
async function distinguishable() {
  const tenant = await createTenant("Replicated");
  const { org } = tenant;
  const user = await db().user.findUniqueOrThrow({ where: { id: tenant.rep.id } });
  await replica.client.organization.create({ data: { id: org.id, name: org.name, slug: org.slug } });
  await replica.client.user.create({ data: user });
  await db().account.create({ data: { organizationId: org.id, ownerId: user.id, name: "Only on the primary" } });
  const onReplica = await replica.client.account.create({ data: { organizationId: org.id, ownerId: user.id, name: "Only on the replica" } });
  return { tenant, onReplica };
}

describe("read replica", () => {
  it("serves lists from the read client and record pages from the primary", async () => {
    const { tenant, onReplica } = await distinguishable();
    setReadDbForTests(replica.client);
    const list = await findAccounts(tenant.rep, accountListParams.parse({}));
    expect(list.rows.map((a) => a.name)).toEqual(["Only on the replica"]);
    // A record page must see the write just made, so it reads the primary, where this account does not exist.
    await expect(getAccount(tenant.rep, onReplica.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    setReadDbForTests(undefined);
    expect((await findAccounts(tenant.rep, accountListParams.parse({}))).rows.map((a) => a.name)).toEqual(["Only on the primary"]);
  });

  it("opens the read client from DATABASE_REPLICA_URL when a server is configured", async ({ skip }) => {
    if (!replica.url) skip("needs a PostgreSQL server: the embedded database has no replicas");
    const { tenant } = await distinguishable();
    setReadDbForTests(undefined);
    process.env.DATABASE_URL = inject("databaseUrl") ?? "";
    process.env.DATABASE_REPLICA_URL = replica.url ?? "";
    resetEnvForTests();
    expect(readDb()).not.toBe(db());
    expect((await findAccounts(tenant.rep, accountListParams.parse({}))).rows.map((a) => a.name)).toEqual(["Only on the replica"]);
    await readDb().$disconnect();
  });
});
