import { beforeEach, describe, expect, it } from "vitest";
import { bulkAssignLeadsAction } from "../../lib/actions/leads/bulk-assign-leads";
import { bulkDisqualifyLeadsAction } from "../../lib/actions/leads/bulk-disqualify-leads";
import { bulkNurtureDealsAction } from "../../lib/actions/opportunities/bulk-nurture-deals";
import { bulkReassignDealsAction } from "../../lib/actions/opportunities/bulk-reassign-deals";
import { db } from "../../lib/server/db";
import { createLead } from "../../lib/server/leads/create-lead";
import type { SessionUser } from "../../lib/server/session";
import { MAX_BULK_IDS } from "../../lib/validation/bulk";
import { auditRows, createAccountFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let t: Tenant;
let other: Tenant;

beforeEach(async () => {
  [t, other] = await Promise.all([createTenant("Bulk"), createTenant("Elsewhere")]);
});

type Result = { data?: unknown; serverError?: { code: string }; validationErrors?: unknown } | undefined;
const code = (r: Result) => (r?.serverError ? r.serverError.code : r?.validationErrors ? "INVALID" : "OK");
const dealOf = async (owner: SessionUser, name = "Deal") => createOpportunityFor(owner, (await createAccountFor(owner)).id, { name });
const owners = async (ids: string[]) =>
  (await db().opportunity.findMany({ where: { id: { in: ids } }, select: { id: true, ownerId: true } })).map((d) => [d.id, d.ownerId]);
let n = 0;
const leadOf = async (user: SessionUser) =>
  (
    await createLead(user, {
      name: "Ana Buyer",
      email: `ana-${n++}-${Date.now()}@acme.io`,
      title: null,
      phone: null,
      companyName: "Acme",
      domain: null,
      industry: "SaaS",
      employeeCount: 300,
      country: null,
      region: "EMEA",
      techStack: [],
      fundingStage: null,
      hiringSignals: [],
      answers: {},
    } as never)
  ).id;

describe("bulk actions on the deals list", () => {
  it("a manager reassigns several deals in one go, with an audit row per deal", async () => {
    const [a, b] = [await dealOf(t.rep, "A"), await dealOf(t.otherRep, "B")];
    actAs(t.manager);
    const result = await bulkReassignDealsAction({ ids: [a.id, b.id], ownerId: t.otherRep.id });
    expect(result?.data).toEqual({ done: [a.id, b.id], refused: [] });
    expect(await owners([a.id, b.id])).toEqual(
      expect.arrayContaining([
        [a.id, t.otherRep.id],
        [b.id, t.otherRep.id],
      ]),
    );
    expect((await auditRows(a.id)).map((r) => r.action)).toContain("reassign");
    // b already belonged to the new owner: nothing to change, nothing to audit.
    expect((await auditRows(b.id)).map((r) => r.action)).not.toContain("reassign");
  });

  it("a rep's mixed selection changes only the rep's own deals and reports the others row by row", async () => {
    const [mine, theirs] = [await dealOf(t.rep, "Mine"), await dealOf(t.otherRep, "Theirs")];
    actAs(t.rep);
    const result = await bulkReassignDealsAction({ ids: [mine.id, theirs.id], ownerId: t.manager.id });
    expect(result?.data).toEqual({ done: [mine.id], refused: [{ id: theirs.id, code: "FORBIDDEN", message: expect.any(String) as string }] });
    expect(await owners([theirs.id])).toEqual([[theirs.id, t.otherRep.id]]);
    expect((await auditRows(theirs.id)).map((r) => r.action)).not.toContain("reassign");
  });

  it("refuses a role without the permission, another tenant's ids, an owner from elsewhere and an oversized list; nothing changes", async () => {
    const deal = await dealOf(t.rep);
    actAs(t.marketing);
    expect(code(await bulkReassignDealsAction({ ids: [deal.id], ownerId: t.manager.id }))).toBe("FORBIDDEN");
    actAs(other.manager);
    expect(code(await bulkReassignDealsAction({ ids: [deal.id], ownerId: other.rep.id }))).toBe("NOT_FOUND");
    expect(code(await bulkNurtureDealsAction({ ids: [deal.id], resumeOn: "2027-06-01", reason: "Later" }))).toBe("NOT_FOUND");
    actAs(t.manager);
    expect(code(await bulkReassignDealsAction({ ids: [deal.id], ownerId: other.rep.id }))).toBe("INVALID");
    expect(code(await bulkReassignDealsAction({ ids: [deal.id], ownerId: t.marketing.id }))).toBe("INVALID");
    expect(code(await bulkReassignDealsAction({ ids: Array.from({ length: MAX_BULK_IDS + 1 }, (_, i) => `id${i}`), ownerId: t.rep.id }))).toBe(
      "INVALID",
    );
    expect(code(await bulkReassignDealsAction({ ids: [], ownerId: t.rep.id }))).toBe("INVALID");
    expect(await owners([deal.id])).toEqual([[deal.id, t.rep.id]]);
  });

  it("parks open deals until a date with the reason audited, and reports a closed one as a conflict", async () => {
    const [open, won] = [await dealOf(t.rep, "Open"), await dealOf(t.rep, "Won")];
    await db().opportunity.update({ where: { id: won.id }, data: { status: "won" } });
    actAs(t.rep);
    const result = await bulkNurtureDealsAction({ ids: [open.id, won.id], resumeOn: "2027-06-01", reason: "Budget is set next year" });
    expect(result?.data).toEqual({ done: [open.id], refused: [{ id: won.id, code: "CONFLICT", message: "Only an open deal can be parked." }] });
    expect(await db().opportunity.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({ resumeOn: new Date("2027-06-01T00:00:00Z") });
    expect((await auditRows(open.id)).find((r) => r.action === "nurture")?.reason).toBe("Budget is set next year");
    expect(code(await bulkNurtureDealsAction({ ids: [open.id], resumeOn: "", reason: "Later" }))).toBe("INVALID");
    expect(code(await bulkNurtureDealsAction({ ids: [open.id], resumeOn: "2027-06-01", reason: "  " }))).toBe("INVALID");
  });
});

describe("bulk actions on the leads list", () => {
  it("a manager assigns and disqualifies several leads, each audited", async () => {
    const ids = [await leadOf(t.rep), await leadOf(t.marketing)];
    actAs(t.manager);
    expect((await bulkAssignLeadsAction({ ids, ownerId: t.otherRep.id }))?.data).toEqual({ done: ids, refused: [] });
    expect((await db().lead.findMany({ where: { id: { in: ids } } })).map((l) => l.ownerId)).toEqual([t.otherRep.id, t.otherRep.id]);
    expect((await bulkDisqualifyLeadsAction({ ids, reason: "A student project" }))?.data).toEqual({ done: ids, refused: [] });
    expect((await db().lead.findMany({ where: { id: { in: ids } } })).map((l) => l.status)).toEqual(["disqualified", "disqualified"]);
    expect((await auditRows(ids[0]!)).map((r) => r.action)).toEqual(expect.arrayContaining(["assign", "disqualify"]));
  });

  it("a rep's mixed selection disqualifies only the rep's own lead; other tenants and roles are refused", async () => {
    const [mine, theirs] = [await leadOf(t.rep), await leadOf(t.otherRep)];
    actAs(t.rep);
    const result = await bulkDisqualifyLeadsAction({ ids: [mine, theirs], reason: "Not a fit" });
    expect(result?.data).toEqual({ done: [mine], refused: [{ id: theirs, code: "FORBIDDEN", message: expect.any(String) as string }] });
    expect((await db().lead.findUniqueOrThrow({ where: { id: theirs } })).status).not.toBe("disqualified");
    actAs(other.manager);
    expect(code(await bulkAssignLeadsAction({ ids: [theirs], ownerId: other.rep.id }))).toBe("NOT_FOUND");
    actAs(t.manager);
    expect(code(await bulkAssignLeadsAction({ ids: [theirs], ownerId: other.rep.id }))).toBe("INVALID");
    actAs(t.otherRep);
    expect(code(await bulkAssignLeadsAction({ ids: [mine], ownerId: t.otherRep.id }))).toBe("FORBIDDEN");
  });
});
