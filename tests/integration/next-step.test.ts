import { beforeEach, describe, expect, it } from "vitest";
import { completeNextStepAction } from "../../lib/actions/opportunities/complete-next-step";
import { setNextStepAction } from "../../lib/actions/opportunities/set-next-step";
import { db } from "../../lib/server/db";
import { myDay } from "../../lib/server/opportunities/next-step";
import { auditRows, createAccountFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let t: Tenant;
let other: Tenant;
let dealId: string;

beforeEach(async () => {
  [t, other] = await Promise.all([createTenant("Steps"), createTenant("Elsewhere")]);
  const account = await createAccountFor(t.rep);
  dealId = (await createOpportunityFor(t.rep, account.id, { name: "Stepping deal" })).id;
});

const deal = () => db().opportunity.findUniqueOrThrow({ where: { id: dealId } });
const code = (r: Awaited<ReturnType<typeof setNextStepAction>>) => (r?.serverError ? r.serverError.code : r?.validationErrors ? "INVALID" : "OK");

describe("a deal's next step", () => {
  it("is set by the owner with a due day, audited, then completed (cleared)", async () => {
    actAs(t.rep);
    expect(code(await setNextStepAction({ opportunityId: dealId, text: "  Send the MAP  ", dueOn: "2027-01-15" }))).toBe("OK");
    expect(await deal()).toMatchObject({ nextStep: "Send the MAP", nextStepDueOn: new Date("2027-01-15T00:00:00Z") });
    expect(code(await completeNextStepAction({ opportunityId: dealId }))).toBe("OK");
    expect(await deal()).toMatchObject({ nextStep: null, nextStepDueOn: null });
    expect((await auditRows(dealId)).map((r) => r.action)).toEqual(["next_step", "next_step_done"]);
  });

  it("refuses another rep, another organization, a missing text or a bad date, and changes nothing", async () => {
    actAs(t.otherRep);
    expect(code(await setNextStepAction({ opportunityId: dealId, text: "Hijack", dueOn: "2027-01-15" }))).toBe("FORBIDDEN");
    actAs(other.admin);
    expect(code(await setNextStepAction({ opportunityId: dealId, text: "Hijack", dueOn: "2027-01-15" }))).toBe("NOT_FOUND");
    actAs(t.rep);
    expect(code(await setNextStepAction({ opportunityId: dealId, text: "   ", dueOn: "2027-01-15" }))).toBe("INVALID");
    expect(code(await setNextStepAction({ opportunityId: dealId, text: "Call", dueOn: "2027-02-30" }))).toBe("INVALID");
    actAs(t.marketing);
    expect(code(await setNextStepAction({ opportunityId: dealId, text: "Call", dueOn: "2027-01-15" }))).toBe("FORBIDDEN");
    expect(await deal()).toMatchObject({ nextStep: null, nextStepDueOn: null });
    expect(await auditRows(dealId)).toEqual([]);
  });

  it("cannot be completed when there is none, nor set on a closed deal", async () => {
    actAs(t.manager);
    expect(code(await completeNextStepAction({ opportunityId: dealId }))).toBe("CONFLICT");
    await db().opportunity.update({ where: { id: dealId }, data: { status: "won", stage: "closed_won" } });
    expect(code(await setNextStepAction({ opportunityId: dealId, text: "Upsell", dueOn: "2027-01-15" }))).toBe("CONFLICT");
  });
});

describe("my day", () => {
  it("lists my own open deals with overdue and due-today steps, not others' nor later ones", async () => {
    const account = await createAccountFor(t.rep);
    const later = await createOpportunityFor(t.rep, account.id, { name: "Later" });
    const today = await createOpportunityFor(t.rep, account.id, { name: "Today" });
    const theirs = await createOpportunityFor(t.otherRep, account.id, { name: "Theirs" });
    const at = (day: string) => new Date(`${day}T00:00:00Z`);
    await db().opportunity.update({ where: { id: dealId }, data: { nextStep: "Chase legal", nextStepDueOn: at("2027-01-10") } });
    await db().opportunity.update({ where: { id: today.id }, data: { nextStep: "Demo", nextStepDueOn: at("2027-01-12") } });
    await db().opportunity.update({ where: { id: later.id }, data: { nextStep: "Review", nextStepDueOn: at("2027-01-20") } });
    await db().opportunity.update({ where: { id: theirs.id }, data: { nextStep: "Theirs", nextStepDueOn: at("2027-01-01") } });

    const day = await myDay(t.rep, new Date("2027-01-12T15:00:00Z"));
    expect(day.overdue.map((d) => d.name)).toEqual(["Stepping deal"]);
    expect(day.dueToday.map((d) => d.name)).toEqual(["Today"]);
    const managers = await myDay(t.manager, new Date("2027-01-12T15:00:00Z"));
    expect([...managers.overdue, ...managers.dueToday]).toEqual([]);
    const foreign = await myDay(other.rep, new Date("2027-01-12T15:00:00Z"));
    expect(foreign.overdue).toEqual([]);
  });
});
