import "server-only";
import { z } from "zod";
import { SAVED_VIEW_LISTS } from "../../../validation/saved-view";
import { listSavedViews } from "../../views/saved-views";
import { parseQuery, writeHandler, type Operation } from "../operation";

const savedViewResource = z.object({
  id: z.string(),
  name: z.string(),
  query: z.record(z.string(), z.string()).describe("The list's URL parameters (filters, sort, dir, hide)."),
});
const viewListQuery = z.object({ list: z.enum(SAVED_VIEW_LISTS) });

/** Saved views belong to the user the key acts as: a key sees and changes only that user's own views. */
export const viewOperations: Operation[] = [
  {
    operationId: "listSavedViews",
    method: "GET",
    path: "/saved-views",
    tag: "Saved views",
    status: 200,
    summary: "Your saved views of one list",
    query: viewListQuery,
    response: z.object({ data: z.array(savedViewResource) }),
    handle: async (ctx) => ({ status: 200, body: { data: await listSavedViews(ctx.user, parseQuery(viewListQuery, ctx.query).list) } }),
  },
  {
    operationId: "saveView",
    method: "PUT",
    path: "/saved-views",
    tag: "Saved views",
    status: 200,
    summary: "Save a list's filters, sort and hidden columns under a name (the same name replaces that view)",
    useCase: "view.save",
    response: savedViewResource,
    handle: writeHandler("view.save", { respond: (_c, r) => Promise.resolve(r) }),
  },
  {
    operationId: "deleteView",
    method: "POST",
    path: "/saved-views/{id}/deletion",
    tag: "Saved views",
    status: 200,
    summary: "Delete one of your saved views",
    useCase: "view.delete",
    pathInput: { id: "viewId" },
    response: z.object({ id: z.string() }),
    handle: writeHandler("view.delete", { pathInput: { id: "viewId" }, respond: (_c, r) => Promise.resolve(r) }),
  },
];
