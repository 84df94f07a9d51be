import { z } from "zod";

/** A free-text filter from the URL: anything unusable means "no filter". */
export const filterText = z.string().trim().max(100).catch("").default("");

/** Server-side list state from the URL. Anything invalid falls back to a default rather than erroring. */
export function listParamsSchema<const S extends readonly [string, ...string[]]>(sortKeys: S, defaultSort: S[number], defaultDir: "asc" | "desc" = "asc") {
  return z.object({
    q: filterText,
    sort: z.enum(sortKeys).catch(defaultSort).default(defaultSort),
    dir: z.enum(["asc", "desc"]).catch(defaultDir).default(defaultDir),
    page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  });
}

export const PAGE_SIZE = 20;

export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
