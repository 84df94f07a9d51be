import type pg from "pg";
import type { PrismaClient, Tx } from "../db";

/**
 * The node-postgres pool behind each server client (`createPrismaClient`). Transactions and PGlite are not here:
 * a transaction's statements must go through its own connection, and PGlite is the demo-scale default.
 */
const pools = new WeakMap<object, pg.Pool>();

export function registerPool(client: PrismaClient, pool: pg.Pool): void {
  pools.set(client, pool);
}

/**
 * Runs one statement whose bind parameters include a large text (a background batch's rows as one JSON document,
 * about 1 MB for 500 deals) and returns the rows it touched. Prisma's raw queries encode their parameters as
 * JSON and decode them again before the driver sees them, escaping every quote of a JSON text on the way: for
 * an ICP re-score of 100,000 deals that was 7 s of Node's 38 s of CPU, plus the garbage. On a server client the
 * statement goes straight to the pool Prisma itself uses; in a transaction or on PGlite, through Prisma.
 * Parameters are `$1`, `$2`… in `sql`, typed by casts there (node-postgres sends them untyped).
 */
export async function executeBulk(client: PrismaClient | Tx, sql: string, params: unknown[]): Promise<number> {
  const pool = pools.get(client);
  if (pool) return (await pool.query(sql, params)).rowCount ?? 0;
  return client.$executeRawUnsafe(sql, ...params);
}
