import { beforeEach, describe, expect, it } from "vitest";
import { convertLeadAction } from "../../lib/actions/leads/convert-lead";
import { db } from "../../lib/server/db";
import { AppError } from "../../lib/server/errors";
import { submitIntake } from "../../lib/server/intake/submit";
import { convertLead } from "../../lib/server/leads/convert-lead";
import { createLead } from "../../lib/server/leads/create-lead";
import { conversionStats, findLeads, leadListParams } from "../../lib/server/leads/queries";
import { disqualifyLead, nurtureLead } from "../../lib/server/leads/triage";
import { createPipeline, reorderPipelines } from "../../lib/server/pipeline/pipelines";
import { countDue, listDue, resumeDeal, setDealNurture } from "../../lib/server/nurture/due";
import { giveIcp, goodSubmission, leadsOf } from "../fixtures/leads";
import { createAccountFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let t: Tenant;
beforeEach(async () => {
  t = await createTenant("Leads");
  await giveIcp(t.admin);
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const manual = (overrides: Record<string, unknown> = {}) => ({
  name: "Ana Buyer",
  email: "ana@acme-saas.io",
  title: "VP Sales",
  phone: null,
  companyName: "Acme SaaS",
  domain: "acme-saas.io",
  industry: "SaaS",
  employeeCount: 300,
  country: null,
  region: "EMEA" as const,
  techStack: [],
  fundingStage: null,
  hiringSignals: [],
  answers: { prompt: "Forecasts are guesses", timing: "quarter" },
  ...overrides,
});

async function counts(organizationId: string) {
  const [accounts, contacts, opportunities, evidence] = await Promise.all([
    db().account.count({ where: { organizationId } }),
    db().contact.count({ where: { organizationId } }),
    db().opportunity.count({ where: { organizationId } }),
    db().evidence.count({ where: { organizationId } }),
  ]);
  return { accounts, contacts, opportunities, evidence };
}

describe("converting a lead", () => {
  it("links the existing account (by domain) and contact (by email) and opens a deal in the first stage with the answers as claimed evidence", async () => {
    const account = await createAccountFor(t.rep, { name: "Acme (existing)", domain: "acme-saas.io" });
    await db().contact.create({ data: { organizationId: t.org.id, accountId: account.id, name: "Ana", email: "ANA@acme-saas.io" } });
    const lead = await createLead(t.rep, manual());
    const result = await convertLead(t.rep, { leadId: lead.id, opportunityName: null, overrideReason: null });
    expect(result).toMatchObject({ accountId: account.id, accountCreated: false, contactCreated: false });
    const deal = await db().opportunity.findUniqueOrThrow({ where: { id: result.opportunityId }, include: { criteria: true, evidence: true } });
    expect(deal).toMatchObject({ stage: "prospecting", ownerId: t.rep.id, accountId: account.id });
    expect(deal.criteria.map((c) => [c.criterionId, c.state]).sort()).toEqual([
      ["identify_pain", "claimed"],
      ["paper_process", "claimed"],
    ]);
    expect(deal.evidence.every((e) => e.excerpt.startsWith("Lead answer (manual)"))).toBe(true);
    expect(await db().scoreSnapshot.count({ where: { opportunityId: deal.id } })).toBe(1);
    expect(await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ status: "accepted", opportunityId: deal.id });
    expect((await refusal(convertLead(t.rep, { leadId: lead.id, opportunityName: null, overrideReason: null }))).code).toBe("CONFLICT");
  });

  it("creates account and contact when none match", async () => {
    const lead = await createLead(t.rep, manual());
    const result = await convertLead(t.rep, { leadId: lead.id, opportunityName: "Acme pilot", overrideReason: null });
    expect(result).toMatchObject({ accountCreated: true, contactCreated: true });
    expect(await counts(t.org.id)).toMatchObject({ accounts: 1, contacts: 1, opportunities: 1 });
  });

  it("refuses a failed ICP knockout unless a manager overrides with a reason, which is audited", async () => {
    const lead = await createLead(t.rep, manual({ employeeCount: 10 }));
    const blocked = await refusal(convertLead(t.rep, { leadId: lead.id, opportunityName: null, overrideReason: null }));
    expect(blocked.code).toBe("GATE_BLOCKED");
    expect(blocked.details).toMatchObject({ knockouts: [{ ruleId: "size" }] });
    const repOverride = await refusal(convertLead(t.rep, { leadId: lead.id, opportunityName: null, overrideReason: "I know them" }));
    expect(repOverride.code).toBe("FORBIDDEN");
    expect(await counts(t.org.id)).toEqual({ accounts: 0, contacts: 0, opportunities: 0, evidence: 0 });
    await convertLead(t.manager, { leadId: lead.id, opportunityName: null, overrideReason: "Strategic logo" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: lead.id, action: "convert_override" } });
    expect(audit).toMatchObject({ actorId: t.manager.id });
    expect(audit.reason).toContain("Strategic logo");
  });

  it.each([
    ["marketing (wrong role)", "marketing", "FORBIDDEN"],
    ["another rep (not the owner)", "otherRep", "FORBIDDEN"],
  ] as const)("refuses %s", async (_, who, code) => {
    const lead = await createLead(t.rep, manual());
    expect((await refusal(convertLead(t[who], { leadId: lead.id, opportunityName: null, overrideReason: null }))).code).toBe(code);
    expect(await counts(t.org.id)).toEqual({ accounts: 0, contacts: 0, opportunities: 0, evidence: 0 });
  });

  it("treats another organization's lead as not found, through the service and through the action", async () => {
    const lead = await createLead(t.rep, manual());
    const other = await createTenant("Other");
    expect((await refusal(convertLead(other.manager, { leadId: lead.id, opportunityName: null, overrideReason: null }))).code).toBe("NOT_FOUND");
    actAs(other.manager);
    expect((await convertLeadAction({ leadId: lead.id }))?.serverError).toMatchObject({ code: "NOT_FOUND" });
    actAs(t.marketing);
    expect((await convertLeadAction({ leadId: lead.id }))?.serverError).toMatchObject({ code: "FORBIDDEN" });
    expect(await counts(t.org.id)).toEqual({ accounts: 0, contacts: 0, opportunities: 0, evidence: 0 });
  });
});

describe("converting a lead into a chosen pipeline", () => {
  /** A second pipeline ("Renewal", BANT) whose first stage has its own key, so landing there cannot be a coincidence. */
  async function renewalPipeline() {
    const { id } = await createPipeline(t.manager, { name: "Renewal", frameworkKey: "bant" });
    await db().pipelineStage.updateMany({ where: { pipelineId: id, position: 0 }, data: { key: "renewal_intake", label: "Renewal intake" } });
    return id;
  }

  it("opens the deal in the first stage of the pipeline chosen, scored with that pipeline's framework", async () => {
    const renewal = await renewalPipeline();
    const lead = await createLead(t.rep, manual());
    const result = await convertLead(t.rep, { leadId: lead.id, pipelineId: renewal, opportunityName: null, overrideReason: null });
    const deal = await db().opportunity.findUniqueOrThrow({ where: { id: result.opportunityId }, include: { assessment: true } });
    expect(deal).toMatchObject({ pipelineId: renewal, stage: "renewal_intake" });
    // Its stored score names BANT's criteria (MEDDPICC has no "budget").
    expect(deal.assessment?.gaps.some((g) => g.startsWith("budget:"))).toBe(true);
  });

  it("without a choice, uses the organization's first pipeline, whichever that is now", async () => {
    const renewal = await renewalPipeline();
    await reorderPipelines(t.manager, { pipelineIds: [renewal, t.pipeline.id] });
    const lead = await createLead(t.rep, manual());
    const result = await convertLead(t.rep, { leadId: lead.id, opportunityName: null, overrideReason: null });
    expect(await db().opportunity.findUniqueOrThrow({ where: { id: result.opportunityId } })).toMatchObject({
      pipelineId: renewal,
      stage: "renewal_intake",
    });
  });

  it("treats another organization's pipeline as not found, through the service and the action, and writes nothing", async () => {
    const other = await createTenant("OtherPipes");
    const lead = await createLead(t.rep, manual());
    const refused = await refusal(
      convertLead(t.rep, { leadId: lead.id, pipelineId: other.pipeline.id, opportunityName: null, overrideReason: null }),
    );
    expect(refused.code).toBe("NOT_FOUND");
    actAs(t.rep);
    expect((await convertLeadAction({ leadId: lead.id, pipelineId: other.pipeline.id }))?.serverError).toMatchObject({ code: "NOT_FOUND" });
    expect(await counts(t.org.id)).toEqual({ accounts: 0, contacts: 0, opportunities: 0, evidence: 0 });
    expect(await counts(other.org.id)).toEqual({ accounts: 0, contacts: 0, opportunities: 0, evidence: 0 });
    expect((await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).status).not.toBe("accepted");
  });

  it("keeps the ICP knockout refusal with a pipeline chosen; a manager's override opens the deal in that pipeline", async () => {
    const renewal = await renewalPipeline();
    const lead = await createLead(t.rep, manual({ employeeCount: 10 }));
    const blocked = await refusal(convertLead(t.rep, { leadId: lead.id, pipelineId: renewal, opportunityName: null, overrideReason: null }));
    expect(blocked).toMatchObject({ code: "GATE_BLOCKED", details: { knockouts: [{ ruleId: "size" }] } });
    expect(await counts(t.org.id)).toEqual({ accounts: 0, contacts: 0, opportunities: 0, evidence: 0 });
    actAs(t.manager);
    const converted = await convertLeadAction({ leadId: lead.id, pipelineId: renewal, overrideReason: "Strategic renewal" });
    expect(converted?.serverError).toBeUndefined();
    expect(await db().opportunity.findUniqueOrThrow({ where: { id: converted.data!.opportunityId } })).toMatchObject({
      pipelineId: renewal,
      stage: "renewal_intake",
    });
    expect(await db().auditEvent.count({ where: { entityId: lead.id, action: "convert_override" } })).toBe(1);
  });
});

describe("the inbox and marketing's feedback", () => {
  it("shows a rep only their leads, best fit first, and counts conversions by source and fit band", async () => {
    await createLead(t.rep, manual({ email: "a@a-co.io", domain: "a-co.io", industry: "Retail" }));
    const best = await createLead(t.rep, manual({ email: "b@b-co.io", domain: "b-co.io" }));
    await createLead(t.otherRep, manual({ email: "c@c-co.io", domain: "c-co.io" }));
    const page = await findLeads(t.rep, leadListParams.parse({}));
    expect(page.rows.map((r) => r.ownerId)).toEqual([t.rep.id, t.rep.id]);
    expect(page.rows[0]?.id).toBe(best.id);
    await convertLead(t.rep, { leadId: best.id, opportunityName: null, overrideReason: null });
    const stats = await conversionStats(t.marketing);
    expect(stats.bySource.find((c) => c.key === "manual")).toEqual({ key: "manual", total: 3, accepted: 1, rate: 33 });
    expect(stats.byFitBand.find((c) => c.key === "80–100")).toMatchObject({ total: 2, accepted: 1 });
    expect((await refusal(conversionStats(t.rep))).code).toBe("FORBIDDEN");
  });

  it("nurtures and disqualifies with a reason, only for the owner or org-wide roles", async () => {
    const lead = await createLead(t.rep, manual());
    expect(
      (await refusal(nurtureLead(t.otherRep, { leadId: lead.id, resumeOn: new Date("2027-03-01"), watchFor: null, reason: "later" }))).code,
    ).toBe("FORBIDDEN");
    await nurtureLead(t.rep, { leadId: lead.id, resumeOn: new Date("2027-03-01"), watchFor: "Series A", reason: "Budget next year" });
    expect(await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ status: "nurturing", watchFor: "Series A" });
    await disqualifyLead(t.marketing, { leadId: lead.id, reason: "Student project" });
    expect(await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({
      status: "disqualified",
      disqualifyReason: "Student project",
    });
  });
});

describe("due for another look", () => {
  it("brings back a lead whose resume date arrived and a deal whose watched account signal changed, recording why", async () => {
    await submitIntake({
      slug: t.org.slug,
      ip: "9.9.9.9",
      body: goodSubmission({ answers: { prompt: "x", timing: "researching" } }),
      now: new Date("2026-01-01T00:00:00Z"),
    });
    const [lead] = await leadsOf(t.org.id);
    expect(lead?.status).toBe("nurturing");
    const account = await createAccountFor(t.rep, { domain: "deal-co.io" });
    const deal = await createOpportunityFor(t.rep, account.id);
    await setDealNurture(t.rep, { opportunityId: deal.id, resumeOn: new Date("2030-01-01"), watchFor: "New funding" });
    expect((await refusal(setDealNurture(t.otherRep, { opportunityId: deal.id, resumeOn: new Date("2030-01-01"), watchFor: null }))).code).toBe(
      "FORBIDDEN",
    );

    const owner = lead!.ownerId === t.rep.id ? t.rep : t.otherRep;
    const before = await listDue(t.manager);
    expect(before.deals).toHaveLength(0);
    await db().account.update({ where: { id: account.id }, data: { fundingStage: "Series A" } });

    const due = await listDue(t.manager);
    expect(due.leads.map((l) => l.resurfaceReason)).toEqual([expect.stringMatching(/^Resume date [A-Z][a-z]{2} \d{1,2}, \d{4} arrived$/)]);
    expect(due.deals.map((d) => d.resurfaceReason)).toEqual(["Watched signal changed: funding stage unknown → Series A"]);
    expect(await countDue(t.manager)).toBe(2);
    expect(await countDue(owner)).toBe(owner.id === t.rep.id ? 2 : 1);
    expect(await db().auditEvent.count({ where: { organizationId: t.org.id, action: "resurface" } })).toBe(2);

    await resumeDeal(t.rep, deal.id);
    expect(await countDue(t.manager)).toBe(1);
    expect(await db().auditEvent.findFirst({ where: { entityId: deal.id, action: "resume" } })).toMatchObject({
      reason: "Watched signal changed: funding stage unknown → Series A",
    });
  });
});
