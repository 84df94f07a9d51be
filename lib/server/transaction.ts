import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { db, type Tx } from "./db";
import { AppError } from "./errors";

/**
 * Failures that say "the database was busy", not "your request was wrong": a transaction that timed out
 * waiting for a lock or a connection (P2028), a write conflict or deadlock (P2034), and PostgreSQL's own
 * serialization failure (40001) and deadlock (40P01) when they arrive unmapped through the driver adapter.
 */
const TRANSIENT = new Set(["P2028", "P2034", "40001", "40P01", "55P03"]);

/** Prisma's "the record to update or delete was not found": someone else removed it first. */
const GONE = new Set(["P2025"]);

/** Every code an error carries, including those of its causes and of the driver adapter's original error. */
function codesOf(error: unknown, depth = 0): string[] {
  if (typeof error !== "object" || error === null || depth > 4) return [];
  const e = error as { code?: unknown; originalCode?: unknown; meta?: unknown; cause?: unknown };
  const own = [e.code, e.originalCode].filter((c): c is string => typeof c === "string");
  const meta = e.meta as { code?: unknown; driverAdapterError?: unknown } | undefined;
  return [
    ...own,
    ...(typeof meta?.code === "string" ? [meta.code] : []),
    ...codesOf(meta?.driverAdapterError, depth + 1),
    ...codesOf(e.cause, depth + 1),
  ];
}

function isTransient(error: unknown): boolean {
  return codesOf(error).some((code) => TRANSIENT.has(code));
}

function isGone(error: unknown): boolean {
  return codesOf(error).some((code) => GONE.has(code));
}

/**
 * The one mapping of database failures to what a user is told: a record removed under our feet is
 * NOT_FOUND, a database still busy after the retries is CONFLICT (try again). Anything else stays as is.
 */
export function toDomainError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isGone(error)) return new AppError("NOT_FOUND", "That record no longer exists; someone may have removed it. Reload the page.");
  if (isTransient(error))
    return new AppError("CONFLICT", "Others were changing the same records at that moment. Nothing was saved; please try again.");
  return error;
}

export interface TransactionOptions {
  isolationLevel?: "ReadCommitted" | "RepeatableRead" | "Serializable";
  /** How many times in all to run the work when the database reports a transient failure. */
  attempts?: number;
}

/**
 * Runs `work` in an interactive transaction, and runs it again (a bounded number of times, with a short
 * jittered pause) when the database says it was only busy. `work` must therefore only touch the database
 * through `tx`: a retry starts from scratch. Expected failures (AppError) are never retried.
 */
export async function transaction<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction(work, { isolationLevel: options.isolationLevel, maxWait: 10_000, timeout: 20_000 });
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw toDomainError(error);
      await sleep(Math.round(25 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}
