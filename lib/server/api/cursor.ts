import "server-only";
import { z } from "zod";
import { AppError } from "../errors";

const MAX_LIMIT = 100;

export const pageParams = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT, `limit is at most ${MAX_LIMIT}.`).default(25),
  cursor: z.string().max(500).optional(),
};

type SortValue = string | number;

/** An opaque cursor: the last row's sort value and id, so pages stay stable while rows are added. */
function encodeCursor(value: SortValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

function decodeCursor(cursor: string): [SortValue, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === "string" || typeof parsed[0] === "number") &&
      typeof parsed[1] === "string"
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // fall through
  }
  throw new AppError("INVALID", "That cursor is not one this API gave out.", { fieldErrors: { cursor: ["Invalid cursor."] } });
}

interface KeysetOptions {
  sort: string;
  dir: "asc" | "desc";
  cursor?: string;
  /** Sort columns holding timestamps (their cursor value is an ISO string turned back into a Date). */
  dateColumns?: readonly string[];
}

/**
 * Keyset pagination on a non-null column with the id as tie-breaker: `where` and `orderBy` for the next page.
 * Fetch `limit + 1` rows and pass them to `pageOf`.
 */
export function keyset({ sort, dir, cursor, dateColumns = [] }: KeysetOptions) {
  const orderBy = [{ [sort]: dir }, { id: "asc" as const }];
  if (!cursor) return { where: {}, orderBy };
  const [raw, id] = decodeCursor(cursor);
  const value = dateColumns.includes(sort) ? new Date(String(raw)) : raw;
  const beyond = dir === "asc" ? "gt" : "lt";
  return { where: { OR: [{ [sort]: { [beyond]: value } }, { [sort]: value, id: { gt: id } }] }, orderBy };
}

export function pageOf<Row extends { id: string }, Out>(rows: Row[], limit: number, sort: string, map: (row: Row) => Out) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const sortValue = (row: Row): SortValue => {
    const v = (row as Record<string, unknown>)[sort];
    return v instanceof Date ? v.toISOString() : typeof v === "number" ? v : String(v);
  };
  return { data: page.map(map), nextCursor: rows.length > limit && last ? encodeCursor(sortValue(last), last.id) : null };
}
