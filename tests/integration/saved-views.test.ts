import { beforeEach, describe, expect, it } from "vitest";
import { deleteViewAction } from "../../lib/actions/views/delete-view";
import { saveViewAction } from "../../lib/actions/views/save-view";
import { db } from "../../lib/server/db";
import { listSavedViews } from "../../lib/server/views/saved-views";
import { createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let t: Tenant;
let other: Tenant;

beforeEach(async () => {
  [t, other] = await Promise.all([createTenant("Views"), createTenant("Elsewhere")]);
});

type Result = { data?: unknown; serverError?: { code: string }; validationErrors?: unknown } | undefined;
const code = (r: Result) => (r?.serverError ? r.serverError.code : r?.validationErrors ? "INVALID" : "OK");

describe("saved views", () => {
  it("are saved per user and list, replaced by name, listed by name, without paging cursors, and deleted", async () => {
    actAs(t.rep);
    const first = await saveViewAction({
      list: "opportunities",
      name: "Big deals",
      query: { status: "open", sort: "amount", dir: "desc", after: "cursor", q: "" },
    });
    expect(first?.data).toMatchObject({ name: "Big deals", query: { status: "open", sort: "amount", dir: "desc" } });
    await saveViewAction({ list: "opportunities", name: "Big deals", query: { status: "all", hide: "owner,updated" } });
    await saveViewAction({ list: "opportunities", name: "At risk", query: { risk: "any" } });
    await saveViewAction({ list: "leads", name: "Fresh", query: { status: "new" } });
    const views = await listSavedViews(t.rep, "opportunities");
    expect(views.map((v) => [v.name, v.query])).toEqual([
      ["At risk", { risk: "any" }],
      ["Big deals", { status: "all", hide: "owner,updated" }],
    ]);
    expect(await listSavedViews(t.otherRep, "opportunities")).toEqual([]);
    expect(code(await deleteViewAction({ viewId: views[0]!.id }))).toBe("OK");
    expect((await listSavedViews(t.rep, "opportunities")).map((v) => v.name)).toEqual(["Big deals"]);
  });

  it("refuses another user's view, another organization's, a list without views and oversized input; nothing changes", async () => {
    actAs(t.rep);
    const saved = (await saveViewAction({ list: "accounts", name: "Mine", query: { industry: "SaaS" } }))?.data as { id: string };
    actAs(t.otherRep);
    expect(code(await deleteViewAction({ viewId: saved.id }))).toBe("NOT_FOUND");
    actAs(t.admin);
    expect(code(await deleteViewAction({ viewId: saved.id }))).toBe("NOT_FOUND");
    actAs(other.admin);
    expect(code(await deleteViewAction({ viewId: saved.id }))).toBe("NOT_FOUND");
    actAs(t.rep);
    expect(code(await saveViewAction({ list: "dashboard" as never, name: "Nope", query: {} }))).toBe("INVALID");
    expect(code(await saveViewAction({ list: "accounts", name: "  ", query: {} }))).toBe("INVALID");
    expect(code(await saveViewAction({ list: "accounts", name: "x".repeat(61), query: {} }))).toBe("INVALID");
    expect(
      code(
        await saveViewAction({ list: "accounts", name: "Too many", query: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"])) }),
      ),
    ).toBe("INVALID");
    expect(code(await saveViewAction({ list: "accounts", name: "Bad key", query: { "not a key": "v" } }))).toBe("INVALID");
    actAs(null);
    expect(code(await saveViewAction({ list: "accounts", name: "Anon", query: {} }))).toBe("UNAUTHENTICATED");
    expect(await db().savedView.count({ where: { organizationId: t.org.id } })).toBe(1);
  });
});
