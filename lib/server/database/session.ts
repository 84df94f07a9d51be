import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { SqlSession } from "./migrate";

export function pgliteSession(db: PGlite): SqlSession {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      return (await db.query<Row>(sql, params)).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

/** A single pg connection: advisory locks and BEGIN/COMMIT must share one session. */
export async function serverSession(url: string): Promise<SqlSession & { close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    close: () => client.end(),
  };
}
