import * as z from "zod/mini";
import { id, requiredText } from "./fields";

export const SAVED_VIEW_LISTS = ["accounts", "contacts", "opportunities", "leads", "users"] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];

/** Paging cursors point into one moment's result: a view keeps what to show, never where the reader was. */
const CURSOR_KEYS = new Set(["after", "before", "page"]);
const MAX_VIEW_PARAMS = 20;

/**
 * A list's URL parameters as plain key → value. The list page parses them with its own schema when the view is
 * opened (an unknown or stale value falls back to the default there), so this only bounds their shape and size.
 */
const viewQuery = z.pipe(
  z
    .record(z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, "Not a list parameter.")), z.string().check(z.maxLength(200)))
    .check(z.refine((q) => Object.keys(q).length <= MAX_VIEW_PARAMS, `At most ${MAX_VIEW_PARAMS} parameters.`)),
  z.transform((q: Record<string, string>) => Object.fromEntries(Object.entries(q).filter(([key, value]) => !CURSOR_KEYS.has(key) && value !== ""))),
);

export const saveViewSchema = z.object({
  list: z.enum(SAVED_VIEW_LISTS),
  name: requiredText("Name", 60),
  query: viewQuery,
});

export const deleteViewSchema = z.object({ viewId: id("View") });
