import "server-only";
import type { z } from "zod";
import type { deleteViewSchema, saveViewSchema, SavedViewList } from "../../validation/saved-view";
import { db } from "../db";
import { notFound } from "../errors";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

export interface SavedViewItem {
  id: string;
  name: string;
  query: Record<string, string>;
}

/** Only the user's own views: saved views are personal, so no one else's is ever listed or touched. */
const own = (user: SessionUser) => inOrg(user, { userId: user.id });

const toItem = (row: { id: string; name: string; query: unknown }): SavedViewItem => ({
  id: row.id,
  name: row.name,
  query: Object.fromEntries(
    Object.entries((row.query ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"),
  ),
});

export async function listSavedViews(user: SessionUser, list: SavedViewList): Promise<SavedViewItem[]> {
  const rows = await db().savedView.findMany({ where: { ...own(user), list }, orderBy: { name: "asc" }, take: 100 });
  return rows.map(toItem);
}

/** Saving under a name the user already has for this list replaces that view (the menu shows names, not ids). */
export async function saveView(user: SessionUser, input: z.infer<typeof saveViewSchema>): Promise<SavedViewItem> {
  const key = { organizationId: user.organizationId, userId: user.id, list: input.list, name: input.name };
  const row = await db().savedView.upsert({
    where: { organizationId_userId_list_name: key },
    create: { ...key, query: input.query },
    update: { query: input.query },
  });
  return toItem(row);
}

export async function deleteView(user: SessionUser, input: z.infer<typeof deleteViewSchema>): Promise<{ id: string }> {
  const { count } = await db().savedView.deleteMany({ where: { ...own(user), id: input.viewId } });
  if (count === 0) throw notFound("View");
  return { id: input.viewId };
}
