import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "./db";

const ID_ENTROPY_BYTES = 10;
const POOL_IDS = 1024;
const pool = { bytes: Buffer.alloc(0), offset: 0 };

/**
 * A collision-safe id in the same alphabet as Prisma's cuid()s, generated here so bulk rows need no round trip.
 * The random bytes come from a pool refilled 1,024 ids at a time: one `randomBytes` call per id cost ~2.7 s per
 * 100,000 ids on this machine under load (a 50,000-row lead import makes 100,000), the pool ~0.6 s.
 */
export function newId(): string {
  if (pool.offset + ID_ENTROPY_BYTES > pool.bytes.length) {
    pool.bytes = randomBytes(ID_ENTROPY_BYTES * POOL_IDS);
    pool.offset = 0;
  }
  const random = pool.bytes.toString("hex", pool.offset, pool.offset + ID_ENTROPY_BYTES);
  pool.offset += ID_ENTROPY_BYTES;
  return `c${Date.now().toString(36)}${random}`;
}

const TABLES = new Set(["Lead", "AuditEvent", "ImportRowResult", "Account", "Contact"]);

/**
 * Inserts many rows with one parameter: the rows as JSON, expanded by PostgreSQL into the table's own row type
 * (jsonb_populate_recordset: measured ~3× faster than the json variant on wide rows with jsonb columns, which
 * json_ re-parses per row), so enums, arrays, jsonb and dates are cast by the database. Prisma's createMany
 * binds one parameter per cell and measured ~5 ms per wide row here; this keeps large imports in seconds.
 * Every NOT NULL column must be present in each row (column defaults do not apply).
 */
export async function bulkInsert(tx: Tx, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  if (!TABLES.has(table)) throw new Error(`bulkInsert: ${table} is not allowed`);
  const columns = Object.keys(rows[0] ?? {})
    .map((c) => `"${c.replace(/"/g, "")}"`)
    .join(", ");
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`,
    JSON.stringify(rows),
  );
}
