import { z } from "zod";

/** A free-text filter from the URL: anything unusable means "no filter". */
export const filterText = z.string().trim().max(100).catch("").default("");

/** An opaque keyset cursor from the URL; anything malformed means "from the start". */
export const cursorParam = z
  .string()
  .max(1000)
  .regex(/^[\w-]+$/)
  .optional()
  .catch(undefined);

/** Server-side list state from the URL. Anything invalid falls back to a default rather than erroring. */
export function listParamsSchema<const S extends readonly [string, ...string[]]>(
  sortKeys: S,
  defaultSort: S[number],
  defaultDir: "asc" | "desc" = "asc",
) {
  return z.object({
    q: filterText,
    sort: z.enum(sortKeys).catch(defaultSort).default(defaultSort),
    dir: z.enum(["asc", "desc"]).catch(defaultDir).default(defaultDir),
    /** Opaque keyset cursors (see lib/server/pagination.ts): the page after one row, or before one. */
    after: cursorParam,
    before: cursorParam,
  });
}

export const PAGE_SIZE = 20;
