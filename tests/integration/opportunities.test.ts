import { beforeAll, describe, expect, it } from "vitest";
import { createOpportunityAction } from "../../lib/actions/opportunities/create-opportunity";
import { updateOpportunityAction } from "../../lib/actions/opportunities/update-opportunity";
import { logNoteAction } from "../../lib/actions/notes/log-note";
import { db } from "../../lib/server/db";
import { findOpportunities, opportunityListParams } from "../../lib/server/opportunities/queries";
import { auditRows, createAccountFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let acme: Tenant;
let globex: Tenant;
let accountId: string;

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTenant("Acme"), createTenant("Globex")]);
  accountId = (await createAccountFor(acme.rep)).id;
});

const input = () => ({
  name: "Platform deal",
  accountId,
  amount: "120000.50",
  currency: "EUR" as const,
  expectedCloseDate: "2027-03-31",
  repConfidence: "60",
});

describe("create opportunity", () => {
  it("starts at the first stage, owned by the caller", async () => {
    actAs(acme.rep);
    const result = await createOpportunityAction(input());
    const opp = await db().opportunity.findUniqueOrThrow({ where: { id: result.data!.id } });
    expect(opp).toMatchObject({ stage: "prospecting", status: "open", ownerId: acme.rep.id, version: 1, currency: "EUR", repConfidence: 60 });
    expect(Number(opp.amount)).toBe(120000.5);
    expect(opp.expectedCloseDate?.toISOString().slice(0, 10)).toBe("2027-03-31");
    expect((await auditRows(opp.id)).map((a) => a.action)).toEqual(["create"]);
  });

  it("rejects bad input field by field and writes nothing", async () => {
    actAs(acme.rep);
    const before = await db().opportunity.count({ where: { organizationId: acme.org.id } });
    const result = await createOpportunityAction({ ...input(), name: "", amount: "lots", expectedCloseDate: "2027-02-30x", repConfidence: "150" });
    expect(Object.keys(result?.validationErrors?.fieldErrors ?? {}).sort()).toEqual(["amount", "expectedCloseDate", "name", "repConfidence"]);
    expect(await db().opportunity.count({ where: { organizationId: acme.org.id } })).toBe(before);
  });

  it("cannot attach a deal to another organization's account", async () => {
    const foreign = await createAccountFor(globex.rep);
    actAs(acme.rep);
    expect((await createOpportunityAction({ ...input(), accountId: foreign.id }))?.serverError?.code).toBe("NOT_FOUND");
  });
});

describe("update opportunity (optimistic concurrency)", () => {
  it("refuses a save from a stale form and keeps the newer data", async () => {
    const opp = await createOpportunityFor(acme.rep, accountId);
    actAs(acme.rep);
    const first = await updateOpportunityAction({ ...input(), id: opp.id, version: "1", name: "First save" });
    expect(first?.data?.id).toBe(opp.id);
    const stale = await updateOpportunityAction({ ...input(), id: opp.id, version: "1", name: "Stale save" });
    expect(stale?.serverError).toMatchObject({ code: "CONFLICT" });
    expect(stale?.serverError?.message).toMatch(/someone else changed/i);
    const row = await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect(row).toMatchObject({ name: "First save", version: 2 });
  });

  it("lets exactly one of several parallel saves of the same version win", async () => {
    const opp = await createOpportunityFor(acme.rep, accountId);
    actAs(acme.manager);
    const results = await Promise.all(["A", "B", "C", "D"].map((name) => updateOpportunityAction({ ...input(), id: opp.id, version: "1", name })));
    const winners = results.filter((r) => r?.data);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r?.serverError?.code === "CONFLICT")).toHaveLength(3);
    const row = await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect(row.version).toBe(2);
    expect((await auditRows(opp.id)).filter((a) => a.action === "update")).toHaveLength(1);
  });

  it("refuses another rep, and another organization's manager sees not found", async () => {
    const opp = await createOpportunityFor(acme.rep, accountId);
    actAs(acme.otherRep);
    expect((await updateOpportunityAction({ ...input(), id: opp.id, version: "1" }))?.serverError?.code).toBe("FORBIDDEN");
    actAs(globex.manager);
    expect((await updateOpportunityAction({ ...input(), id: opp.id, version: "1" }))?.serverError?.code).toBe("NOT_FOUND");
    expect((await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } })).version).toBe(1);
  });
});

describe("inline edit: one field through the same update use case", () => {
  it("changes only the field sent and bumps the version", async () => {
    const opp = await createOpportunityFor(acme.rep, accountId);
    const before = await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    actAs(acme.rep);
    const result = await updateOpportunityAction({ id: opp.id, version: "1", amount: "4200.50" });
    expect(result?.data?.id).toBe(opp.id);
    const after = await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect(Number(after.amount)).toBe(4200.5);
    expect(after).toMatchObject({ version: 2, name: before.name, currency: before.currency, ownerId: acme.rep.id });
    expect(after.expectedCloseDate?.toISOString()).toBe(before.expectedCloseDate?.toISOString());
  });

  it("refuses a stale version with CONFLICT and keeps the newer value", async () => {
    const opp = await createOpportunityFor(acme.rep, accountId);
    actAs(acme.rep);
    expect((await updateOpportunityAction({ id: opp.id, version: "1", amount: "10" }))?.data?.id).toBe(opp.id);
    const stale = await updateOpportunityAction({ id: opp.id, version: "1", amount: "20" });
    expect(stale?.serverError?.code).toBe("CONFLICT");
    expect(Number((await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } })).amount)).toBe(10);
  });

  it("refuses a rep on another rep's deal; a rep hands on only their own deal (as in the bulk reassign), a manager any", async () => {
    const opp = await createOpportunityFor(acme.rep, accountId);
    actAs(acme.otherRep);
    expect((await updateOpportunityAction({ id: opp.id, version: "1", amount: "1" }))?.serverError?.code).toBe("FORBIDDEN");
    expect((await updateOpportunityAction({ id: opp.id, version: "1", ownerId: acme.otherRep.id }))?.serverError?.code).toBe("FORBIDDEN");
    expect(await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } })).toMatchObject({ version: 1, ownerId: acme.rep.id });
    actAs(acme.rep);
    const handedOn = await updateOpportunityAction({ id: opp.id, version: "1", ownerId: acme.otherRep.id });
    expect(handedOn?.serverError ?? handedOn?.validationErrors).toBeUndefined();
    expect(await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } })).toMatchObject({ version: 2, ownerId: acme.otherRep.id });
    // Handed on, it is no longer the rep's to take back.
    expect((await updateOpportunityAction({ id: opp.id, version: "2", ownerId: acme.rep.id }))?.serverError?.code).toBe("FORBIDDEN");
    actAs(acme.manager);
    expect((await updateOpportunityAction({ id: opp.id, version: "2", ownerId: acme.rep.id }))?.data?.id).toBe(opp.id);
    expect(await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } })).toMatchObject({ version: 3, ownerId: acme.rep.id });
  });

  it("moves the next step's due date only when there is a next step", async () => {
    const opp = await createOpportunityFor(acme.rep, accountId);
    actAs(acme.rep);
    const none = await updateOpportunityAction({ id: opp.id, version: "1", nextStepDueOn: "2027-05-01" });
    expect(none?.serverError?.code).toBe("INVALID");
    await db().opportunity.update({ where: { id: opp.id }, data: { nextStep: "Call the CFO", nextStepDueOn: new Date("2027-04-01T00:00:00Z") } });
    expect((await updateOpportunityAction({ id: opp.id, version: "1", nextStepDueOn: "2027-05-01" }))?.data?.id).toBe(opp.id);
    const after = await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect(after.nextStepDueOn?.toISOString().slice(0, 10)).toBe("2027-05-01");
    expect(after.nextStep).toBe("Call the CFO");
  });
});

describe("notes", () => {
  it("logs a note on a deal, marks activity without bumping the version", async () => {
    const opp = await createOpportunityFor(acme.rep, accountId);
    actAs(acme.rep);
    const result = await logNoteAction({ opportunityId: opp.id, body: "  CFO confirmed budget of 120k.  " });
    const note = await db().note.findUniqueOrThrow({ where: { id: result.data!.id } });
    expect(note).toMatchObject({ body: "CFO confirmed budget of 120k.", accountId, authorId: acme.rep.id });
    const after = await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect(after.version).toBe(1);
    expect(after.lastActivityAt.getTime()).toBeGreaterThan(opp.lastActivityAt.getTime());
  });

  it("refuses empty notes and notes on another organization's deal", async () => {
    const opp = await createOpportunityFor(acme.rep, accountId);
    actAs(acme.rep);
    expect((await logNoteAction({ opportunityId: opp.id, body: "   " }))?.validationErrors?.fieldErrors.body).toEqual([
      "Write something before saving the note.",
    ]);
    actAs(globex.rep);
    expect((await logNoteAction({ opportunityId: opp.id, body: "sneaky" }))?.serverError?.code).toBe("NOT_FOUND");
    expect(await db().note.count({ where: { opportunityId: opp.id } })).toBe(0);
  });
});

describe("opportunity list", () => {
  it("filters by owner and stage within the organization only", async () => {
    const tenant = await createTenant("OppList");
    const acct = await createAccountFor(tenant.rep);
    await createOpportunityFor(tenant.rep, acct.id, { name: "Mine early", stage: "prospecting" });
    await createOpportunityFor(tenant.rep, acct.id, { name: "Mine late", stage: "proposal" });
    await createOpportunityFor(tenant.otherRep, acct.id, { name: "Theirs", stage: "proposal" });
    const mine = await findOpportunities(tenant.rep, opportunityListParams.parse({ owner: "me", sort: "name", dir: "asc" }));
    expect(mine.rows.map((r) => r.name)).toEqual(["Mine early", "Mine late"]);
    const proposal = await findOpportunities(tenant.rep, opportunityListParams.parse({ stage: "proposal", sort: "name", dir: "asc" }));
    expect(proposal.rows.map((r) => r.name)).toEqual(["Mine late", "Theirs"]);
    // One colleague's deals by their id (the owner picker); a malformed id means everyone's.
    const theirs = await findOpportunities(tenant.rep, opportunityListParams.parse({ owner: tenant.otherRep.id, sort: "name", dir: "asc" }));
    expect(theirs.rows.map((r) => r.name)).toEqual(["Theirs"]);
    const everyone = await findOpportunities(tenant.rep, opportunityListParams.parse({ owner: "not an id!", sort: "name", dir: "asc" }));
    expect(everyone.rows.map((r) => r.name)).toEqual(["Mine early", "Mine late", "Theirs"]);
  });
});

describe("opportunity list defaults", () => {
  it("shows the most recently updated deals first", async () => {
    const tenant = await createTenant("Recent");
    const acct = await createAccountFor(tenant.rep);
    const older = await createOpportunityFor(tenant.rep, acct.id, { name: "Older" });
    await createOpportunityFor(tenant.rep, acct.id, { name: "Newer" });
    await db().opportunity.update({ where: { id: older.id }, data: { updatedAt: new Date(Date.now() - 86_400_000) } });
    const page = await findOpportunities(tenant.rep, opportunityListParams.parse({}));
    expect(page.rows.map((r) => r.name)).toEqual(["Newer", "Older"]);
  });
});
