import { beforeEach, describe, expect, it } from "vitest";
import { advanceStageAction } from "../../lib/actions/opportunities/advance-stage";
import { logNoteAction } from "../../lib/actions/notes/log-note";
import { saveOverrideWindowAction } from "../../lib/actions/settings/save-override-window";
import { db } from "../../lib/server/db";
import { createAccountFor, createOpportunityFor, createTenant, qualificationRows, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let t: Tenant;
let accountId: string;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const version = async (id: string) => (await db().opportunity.findUniqueOrThrow({ where: { id } })).version;
const codes = (r: Awaited<ReturnType<typeof advanceStageAction>>) =>
  (r?.serverError?.details as { blockers: Array<{ code: string }> } | undefined)?.blockers.map((b) => b.code);

beforeEach(async () => {
  t = await createTenant("Doors");
  accountId = (await createAccountFor(t.rep)).id;
});

describe("lost → reopen", () => {
  it("returns a deal to the stage it was lost from, or earlier, but not past the gates after it", async () => {
    const opp = await createOpportunityFor(t.rep, accountId, { stage: "prospecting" });
    actAs(t.rep);
    expect((await advanceStageAction({ opportunityId: opp.id, toStage: "closed_lost", version: 1 }))?.data?.stage).toBe("closed_lost");
    const skip = await advanceStageAction({ opportunityId: opp.id, toStage: "negotiation", version: 2 });
    expect(skip?.serverError?.code).toBe("GATE_BLOCKED");
    expect(codes(skip)).toContain("stakeholder_missing");
    expect((await advanceStageAction({ opportunityId: opp.id, toStage: "prospecting", version: 2 }))?.data?.stage).toBe("prospecting");
  });
});

describe("manager overrides", () => {
  let oppId: string;
  beforeEach(async () => {
    oppId = (await createOpportunityFor(t.rep, accountId, { stage: "solution" })).id;
  });
  const override = (expires: string, reason = "Board-level sponsor; evidence follows this week") =>
    advanceStageAction({ opportunityId: oppId, toStage: "proposal", version: 1, overrideReason: reason, overrideExpiresOn: expires });

  it("refuses an impossible date, an expiry past the window, and 9999-12-31, writing nothing", async () => {
    actAs(t.manager);
    const before = await qualificationRows(oppId);
    expect((await override("2027-02-30"))?.validationErrors?.fieldErrors.overrideExpiresOn?.[0]).toMatch(/not a real date/);
    // Past the sane date range every date field shares, so refused at the boundary with the field named.
    expect((await override("9999-12-31"))?.validationErrors?.fieldErrors.overrideExpiresOn?.[0]).toBeTruthy();
    const far = await override(day(400));
    expect(far?.serverError?.code).toBe("INVALID");
    expect(far?.serverError?.message).toMatch(/^An override can run at most 90 days/);
    expect((await override(day(91)))?.serverError?.code).toBe("INVALID");
    expect(await qualificationRows(oppId)).toEqual(before);
    expect((await override(day(90)))?.data?.outcome).toBe("overridden");
  });

  it("follows the organization's own window, which only managers and admins may set", async () => {
    actAs(t.rep);
    expect((await saveOverrideWindowAction({ overrideMaxDays: 300 }))?.serverError?.code).toBe("FORBIDDEN");
    actAs(t.manager);
    expect((await saveOverrideWindowAction({ overrideMaxDays: 10 }))?.data?.overrideMaxDays).toBe(10);
    expect((await override(day(20)))?.serverError?.message).toMatch(/at most 10 days/);
    expect((await override(day(9)))?.data?.outcome).toBe("overridden");
  });

  it("does not record a reason given on a move that needed no exception as an override", async () => {
    const clean = await createOpportunityFor(t.rep, accountId, { stage: "prospecting" });
    actAs(t.manager);
    const result = await advanceStageAction({
      opportunityId: clean.id,
      toStage: "discovery",
      version: 1,
      overrideReason: "Just because I can, honestly",
      overrideExpiresOn: day(5),
    });
    expect(result?.data?.outcome).toBe("allowed");
    expect(await db().stageChange.findFirstOrThrow({ where: { opportunityId: clean.id } })).toMatchObject({ outcome: "allowed", reason: null });
    expect(await db().gateOverride.count({ where: { opportunityId: clean.id } })).toBe(0);
  });
});

describe("a 'not yet' deal", () => {
  it("cannot be advanced by its rep; a manager's override lets it through and is recorded", async () => {
    const opp = await createOpportunityFor(t.rep, accountId, { stage: "discovery" });
    actAs(t.rep);
    await logNoteAction({
      opportunityId: opp.id,
      body: "No budget until next fiscal year",
      evidence: [
        { criterionId: "identify_pain", state: "claimed", excerpt: "Finance reconciles three systems by hand", contactId: "" },
        { criterionId: "decision_process", state: "negative", excerpt: "No buying process this year", contactId: "" },
      ],
    });
    const refused = await advanceStageAction({ opportunityId: opp.id, toStage: "solution", version: await version(opp.id) });
    expect(codes(refused)).toEqual(["deal_not_yet"]);
    actAs(t.manager);
    const forced = await advanceStageAction({
      opportunityId: opp.id,
      toStage: "solution",
      version: await version(opp.id),
      overrideReason: "Budget moved forward, CFO email attached",
      overrideExpiresOn: day(7),
    });
    expect(forced?.data?.outcome).toBe("overridden");
    expect(forced?.data?.overridden.map((b) => b.code)).toEqual(["deal_not_yet"]);
  });
});
