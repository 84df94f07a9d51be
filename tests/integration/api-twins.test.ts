import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createAccountAction } from "../../lib/actions/accounts/create-account";
import { updateAccountAction } from "../../lib/actions/accounts/update-account";
import { createContactAction } from "../../lib/actions/contacts/create-contact";
import { updateContactAction } from "../../lib/actions/contacts/update-contact";
import { createIcpVersionAction } from "../../lib/actions/icp/create-icp-version";
import { previewIcpAction } from "../../lib/actions/icp/preview-icp";
import { eraseContactAction } from "../../lib/actions/contacts/erase-contact";
import { confirmImportAction } from "../../lib/actions/imports/confirm-import";
import { planImportAction } from "../../lib/actions/imports/plan-import";
import { saveIntakeFormAction } from "../../lib/actions/intake/save-intake-form";
import { convertLeadAction } from "../../lib/actions/leads/convert-lead";
import { createLeadAction } from "../../lib/actions/leads/create-lead";
import { disqualifyLeadAction } from "../../lib/actions/leads/disqualify-lead";
import { nurtureLeadAction } from "../../lib/actions/leads/nurture-lead";
import { resumeLeadAction } from "../../lib/actions/leads/resume-lead";
import { nurtureDealAction } from "../../lib/actions/opportunities/nurture-deal";
import { deleteViewAction } from "../../lib/actions/views/delete-view";
import { saveViewAction } from "../../lib/actions/views/save-view";
import { bulkNurtureDealsAction } from "../../lib/actions/opportunities/bulk-nurture-deals";
import { bulkReassignDealsAction } from "../../lib/actions/opportunities/bulk-reassign-deals";
import { bulkAssignLeadsAction } from "../../lib/actions/leads/bulk-assign-leads";
import { bulkDisqualifyLeadsAction } from "../../lib/actions/leads/bulk-disqualify-leads";
import { resumeDealAction } from "../../lib/actions/opportunities/resume-deal";
import { reviewEvidenceAction } from "../../lib/actions/qualification/review-evidence";
import { createRecapAction } from "../../lib/actions/recaps/create-recap";
import { revokeRecapAction } from "../../lib/actions/recaps/revoke-recap";
import { saveOverrideWindowAction } from "../../lib/actions/settings/save-override-window";
import { deactivateUserAction } from "../../lib/actions/users/deactivate-user";
import { issueResetLinkAction } from "../../lib/actions/users/issue-reset-link";
import { reactivateUserAction } from "../../lib/actions/users/reactivate-user";
import { createApiKeyAction } from "../../lib/actions/integrations/create-api-key";
import { createWebhookAction } from "../../lib/actions/integrations/create-webhook";
import { redeliverWebhookAction } from "../../lib/actions/integrations/redeliver-webhook";
import { revokeApiKeyAction } from "../../lib/actions/integrations/revoke-api-key";
import { updateWebhookAction } from "../../lib/actions/integrations/update-webhook";
import { logNoteAction } from "../../lib/actions/notes/log-note";
import { advanceStageAction } from "../../lib/actions/opportunities/advance-stage";
import { createOpportunityAction } from "../../lib/actions/opportunities/create-opportunity";
import { updateOpportunityAction } from "../../lib/actions/opportunities/update-opportunity";
import { addStakeholderAction } from "../../lib/actions/qualification/add-stakeholder";
import { updateCriterionAction } from "../../lib/actions/qualification/update-criterion";
import { updateStakeholderAction } from "../../lib/actions/qualification/update-stakeholder";
import { changeFrameworkAction } from "../../lib/actions/settings/change-framework";
import { editStagesAction } from "../../lib/actions/settings/edit-stages";
import { saveCustomFrameworkAction } from "../../lib/actions/settings/save-custom-framework";
import { completeNextStepAction } from "../../lib/actions/opportunities/complete-next-step";
import { setNextStepAction } from "../../lib/actions/opportunities/set-next-step";
import { savePipelineAction } from "../../lib/actions/settings/save-pipeline";
import { changeRoleAction } from "../../lib/actions/users/change-role";
import { createUserAction } from "../../lib/actions/users/create-user";
import { defaultIntakeQuestions } from "../../lib/qualification/leads";
import { FRAMEWORKS, pipelineFor } from "../../lib/qualification";
import type { Role } from "../../lib/permissions";
import { OPERATIONS } from "../../lib/server/api/operations";
import { db } from "../../lib/server/db";
import { loadQualificationSettings } from "../../lib/server/qualification/settings";
import { createImport, getImport, planImport } from "../../lib/server/imports/imports";
import { runImport } from "../../lib/server/imports/run-import";
import { createLead } from "../../lib/server/leads/create-lead";
import { nurtureLead } from "../../lib/server/leads/triage";
import { setDealNurture } from "../../lib/server/nurture/due";
import type { SessionUser } from "../../lib/server/session";
import { API_USE_CASE_NAMES, PUBLIC_ACTIONS, USE_CASE_NAMES, USE_CASES, type UseCaseName } from "../../lib/server/use-cases";
import { api, keyFor } from "../fixtures/api";
import { createAccountFor, createContactFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { POST as uploadImportRoute } from "../../app/api/imports/route";
import { actAs } from "./setup";
import { moveToPipelineAction } from "../../lib/actions/opportunities/move-to-pipeline";
import { createPipelineAction } from "../../lib/actions/settings/create-pipeline";
import { deletePipelineAction } from "../../lib/actions/settings/delete-pipeline";
import { renamePipelineAction } from "../../lib/actions/settings/rename-pipeline";
import { reorderPipelinesAction } from "../../lib/actions/settings/reorder-pipelines";

type Input = Record<string, unknown>;
type AnyAction = (input: never) => Promise<{ data?: unknown; serverError?: { code: string }; validationErrors?: unknown } | undefined>;

interface Twin {
  action: AnyAction;
  allowed: (t: Tenant) => SessionUser;
  refused: (t: Tenant) => SessionUser;
  /** Fresh records per call: each door gets its own, so both start from the same state. */
  input: (t: Tenant) => Promise<Input>;
  /**
   * When every role may run the use case (creating a lead), the refusal is the shared schema's instead of the
   * permission table's: this input, refused INVALID through both doors.
   */
  refusedInput?: (t: Tenant) => Promise<Input>;
}

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const rule = { id: "industry", label: "Industry", kind: "industry_in", industries: ["SaaS"], weight: 10, knockout: false };
const ownDeal = async (t: Tenant, stage = "negotiation") => createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage });
const freshUser = async (t: Tenant, role: Role = "rep", deactivated = false) =>
  (
    await db().user.create({
      data: {
        organizationId: t.org.id,
        email: `u-${unique()}@test.local`,
        name: `User ${unique()}`,
        role,
        passwordHash: "not-used",
        deactivatedAt: deactivated ? new Date() : null,
      },
    })
  ).id;
const lead = {
  name: "Ana Buyer",
  email: "ana@acme-saas.io",
  title: "VP Sales",
  phone: null,
  companyName: "Acme SaaS",
  domain: "acme-saas.io",
  industry: "SaaS",
  employeeCount: 300,
  country: null,
  region: "EMEA",
  techStack: [],
  fundingStage: null,
  hiringSignals: [],
  answers: {},
};
const ownLead = async (t: Tenant) => (await createLead(t.rep, { ...lead, email: `ana-${unique()}@acme-saas.io`, region: "EMEA" })).id;
const LEAD_CSV = "Full name,Work email,Company,Employees,Industry\nAna Buyer,ana@acme.io,Acme,300,SaaS\n";
const uploaded = async (t: Tenant) => {
  const { id } = await createImport(t.marketing, { kind: "leads", fileName: "leads.csv", text: LEAD_CSV });
  return { id, mapping: (await getImport(t.marketing, id)).mapping as Record<string, number | null> };
};
/**
 * The app's upload door is a route handler (files are larger than a server action body): called here with the
 * multipart form the upload form sends, answering in an action's shape.
 */
const uploadThroughRoute = async (input: { kind: string; fileName: string; text: string }) => {
  const form = new FormData();
  form.set("kind", input.kind);
  form.set("file", new File([input.text], input.fileName, { type: "text/csv" }));
  const response = await uploadImportRoute(new Request("http://127.0.0.1/api/imports", { method: "POST", body: form }));
  const body = (await response.json()) as { id?: string; code?: string };
  return response.ok ? { data: body } : { serverError: { code: body.code ?? "no code" } };
};
/** The tenant's framework now (the framework.change twin switches it). */
const framework = async (t: Tenant) => (await loadQualificationSettings(db(), t.org.id, null)).framework;
/** A deal in Proposal whose first criterion the rep verified on their own word: what a manager reviews. */
const selfAttestedDeal = async (t: Tenant) => {
  const deal = await ownDeal(t, "proposal");
  const at = new Date();
  const criterionId = (await framework(t)).criteria[0]!.id;
  await db().evidence.create({
    data: {
      organizationId: t.org.id,
      opportunityId: deal.id,
      criterionId,
      state: "verified",
      excerpt: "The CFO signs",
      capturedAt: at,
      capturedById: t.rep.id,
      verifiedById: t.rep.id,
      verifiedAt: at,
    },
  });
  await db().criterionState.create({
    data: { organizationId: t.org.id, opportunityId: deal.id, criterionId, state: "verified", updatedById: t.rep.id },
  });
  return { opportunityId: deal.id, criterionId };
};
const qualificationVersion = async (t: Tenant) =>
  (await db().pipeline.findUniqueOrThrow({ where: { id: t.pipeline.id }, select: { qualificationVersion: true } })).qualificationVersion;
/** The tenant's current framework, as the builder would send it back: saving it changes nothing but the version. */
const currentFrameworkInput = async (t: Tenant) => ({
  expectedVersion: await qualificationVersion(t),
  name: "Our framework",
  criteria: (await framework(t)).criteria.map((c) => ({
    id: c.id,
    label: c.label,
    description: c.description,
    weight: c.weight,
    knockout: c.knockout,
    freshnessDays: c.freshnessDays,
    questions: c.questions,
    ...(c.nurtureTrigger && { nurtureTrigger: c.nurtureTrigger }),
    verifierRoles: c.verifierRoles ?? [],
  })),
});
const currentStagesInput = async (t: Tenant) => ({
  expectedVersion: await qualificationVersion(t),
  stages: (await loadQualificationSettings(db(), t.org.id, null)).pipeline.stages.map((s) => ({
    id: s.id,
    label: s.label,
    probability: Math.round(s.probability * 100),
    kind: s.kind,
    exit: s.exit,
  })),
  destinations: {},
});
const latestIcp = async (t: Tenant) =>
  (await db().icpVersion.findFirst({ where: { organizationId: t.org.id }, orderBy: { version: "desc" } }))?.version ?? 0;

type ApiUseCaseName = Exclude<UseCaseName, "user.change-password" | "user.sign-out-everywhere">;

/** Another, empty pipeline of the tenant (default MEDDPICC stages), at the end of the list. */
const extraPipeline = async (t: Tenant) => {
  const last = await db().pipeline.findFirstOrThrow({ where: { organizationId: t.org.id }, orderBy: { position: "desc" } });
  return (await db().pipeline.create({ data: { organizationId: t.org.id, name: `Renewals ${unique()}`, position: last.position + 1 } })).id;
};

const TWINS: Record<ApiUseCaseName, Twin> = {
  "pipeline.create": {
    action: createPipelineAction,
    allowed: (t) => t.manager,
    refused: (t) => t.rep,
    input: () => Promise.resolve({ name: `Expansion ${unique()}`, frameworkKey: "bant" }),
  },
  "pipeline.rename": {
    action: renamePipelineAction,
    allowed: (t) => t.manager,
    refused: (t) => t.marketing,
    input: async (t) => ({ pipelineId: await extraPipeline(t), name: `Partners ${unique()}` }),
  },
  "pipeline.reorder": {
    action: reorderPipelinesAction,
    allowed: (t) => t.manager,
    refused: (t) => t.rep,
    input: async (t) => ({
      pipelineIds: (await db().pipeline.findMany({ where: { organizationId: t.org.id }, orderBy: { position: "desc" }, select: { id: true } })).map(
        (p) => p.id,
      ),
    }),
  },
  "pipeline.delete": {
    action: deletePipelineAction,
    allowed: (t) => t.manager,
    refused: (t) => t.rep,
    input: async (t) => ({ pipelineId: await extraPipeline(t) }),
  },
  "opportunity.move-pipeline": {
    action: moveToPipelineAction,
    allowed: (t) => t.manager,
    refused: (t) => t.rep,
    input: async (t) => ({
      opportunityId: (await ownDeal(t, "prospecting")).id,
      version: 1,
      pipelineId: await extraPipeline(t),
      toStage: "prospecting",
    }),
  },
  "account.create": {
    action: createAccountAction,
    allowed: (t) => t.rep,
    refused: (t) => t.marketing,
    input: () => Promise.resolve({ name: `Twin ${unique()}` }),
  },
  "account.update": {
    action: updateAccountAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => ({ id: (await createAccountFor(t.rep)).id, name: "Renamed" }),
  },
  "contact.create": {
    action: createContactAction,
    allowed: (t) => t.rep,
    refused: (t) => t.marketing,
    input: async (t) => ({ accountId: (await createAccountFor(t.rep)).id, name: "Dana" }),
  },
  "contact.update": {
    action: updateContactAction,
    allowed: (t) => t.rep,
    refused: (t) => t.marketing,
    input: async (t) => {
      const a = await createAccountFor(t.rep);
      return { id: (await createContactFor(t.rep, a.id)).id, accountId: a.id, name: "Dana B" };
    },
  },
  "opportunity.create": {
    action: createOpportunityAction,
    allowed: (t) => t.rep,
    refused: (t) => t.marketing,
    input: async (t) => ({ name: "New deal", accountId: (await createAccountFor(t.rep)).id, amount: 1000 }),
  },
  "opportunity.update": {
    action: updateOpportunityAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => {
      const d = await ownDeal(t);
      return { id: d.id, version: 1, name: "Renamed", accountId: d.accountId, amount: 5 };
    },
  },
  "opportunity.advance": {
    action: advanceStageAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => ({ opportunityId: (await ownDeal(t)).id, toStage: "discovery", version: 1 }),
  },
  "note.log": {
    action: logNoteAction,
    allowed: (t) => t.rep,
    refused: (t) => t.marketing,
    input: async (t) => ({ opportunityId: (await ownDeal(t)).id, body: "Called them." }),
  },
  "criterion.update": {
    action: updateCriterionAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => ({ opportunityId: (await ownDeal(t)).id, criterionId: "metrics", op: "reset" }),
  },
  "stakeholder.add": {
    action: addStakeholderAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => {
      const d = await ownDeal(t);
      return { opportunityId: d.id, contactId: (await createContactFor(t.rep, d.accountId)).id, role: "champion" };
    },
  },
  "stakeholder.update": {
    action: updateStakeholderAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => {
      const d = await ownDeal(t);
      const c = await createContactFor(t.rep, d.accountId);
      const s = await db().stakeholder.create({
        data: { organizationId: t.org.id, opportunityId: d.id, contactId: c.id, role: "champion", addedById: t.rep.id },
      });
      return {
        stakeholderId: s.id,
        op: "engaged",
        channel: "call",
        happenedOn: new Date().toISOString().slice(0, 10),
        summary: "Walked through the pilot plan",
      };
    },
  },
  "icp.create-version": {
    action: createIcpVersionAction,
    allowed: (t) => t.marketing,
    refused: (t) => t.rep,
    input: async (t) => ({ rules: [rule], pursueThreshold: 60, basedOnVersion: await latestIcp(t) }),
  },
  "icp.preview": {
    action: previewIcpAction,
    allowed: (t) => t.marketing,
    refused: (t) => t.rep,
    input: () => Promise.resolve({ rules: [rule], pursueThreshold: 60 }),
  },
  "pipeline.save": {
    action: savePipelineAction,
    allowed: (t) => t.manager,
    refused: (t) => t.rep,
    input: () =>
      Promise.resolve({
        stages: pipelineFor(FRAMEWORKS.meddpicc).stages.map((s) => ({
          id: s.id,
          label: s.label,
          probability: Math.round(s.probability * 100),
          exit: s.exit,
        })),
      }),
  },
  "framework.save-custom": { action: saveCustomFrameworkAction, allowed: (t) => t.manager, refused: (t) => t.rep, input: currentFrameworkInput },
  "stages.edit": { action: editStagesAction, allowed: (t) => t.manager, refused: (t) => t.marketing, input: currentStagesInput },
  "opportunity.set-next-step": {
    action: setNextStepAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => ({ opportunityId: (await ownDeal(t)).id, text: "Send the mutual action plan", dueOn: "2027-01-15" }),
  },
  "opportunity.complete-next-step": {
    action: completeNextStepAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => {
      const deal = await ownDeal(t);
      await db().opportunity.update({ where: { id: deal.id }, data: { nextStep: "Book the demo", nextStepDueOn: new Date("2027-01-15T00:00:00Z") } });
      return { opportunityId: deal.id };
    },
  },
  "framework.change": {
    action: changeFrameworkAction,
    allowed: (t) => t.manager,
    refused: (t) => t.rep,
    input: () => Promise.resolve({ frameworkKey: "bant", confirmReset: true }),
  },
  "user.create": {
    action: createUserAction,
    allowed: (t) => t.admin,
    refused: (t) => t.manager,
    input: () => Promise.resolve({ name: "New Person", email: `new-${unique()}@test.local`, role: "rep", password: "a-long-password" }),
  },
  "user.change-role": {
    action: changeRoleAction,
    allowed: (t) => t.admin,
    refused: (t) => t.manager,
    input: async (t) => ({ userId: await freshUser(t), role: "manager" }),
  },
  "api-key.create": {
    action: createApiKeyAction,
    allowed: (t) => t.admin,
    refused: (t) => t.manager,
    input: () => Promise.resolve({ name: "Zapier", actAs: "role", role: "rep" }),
  },
  "api-key.revoke": {
    action: revokeApiKeyAction,
    allowed: (t) => t.admin,
    refused: (t) => t.manager,
    input: async (t) => {
      await keyFor(t.admin, t.rep);
      const k = await db().apiKey.findFirstOrThrow({ where: { organizationId: t.org.id, revokedAt: null, userId: t.rep.id } });
      return { keyId: k.id };
    },
  },
  "webhook.create": {
    action: createWebhookAction,
    allowed: (t) => t.admin,
    refused: (t) => t.manager,
    input: () => Promise.resolve({ url: "http://127.0.0.1:9/hook", events: ["criterion.changed"] }),
  },
  "webhook.update": {
    action: updateWebhookAction,
    allowed: (t) => t.admin,
    refused: (t) => t.manager,
    input: async (t) => ({
      endpointId: (
        await db().webhookEndpoint.create({
          data: { organizationId: t.org.id, url: "http://127.0.0.1:9/x", events: ["criterion.changed"], secret: "s", createdById: t.admin.id },
        })
      ).id,
      op: "disable",
    }),
  },
  "webhook.redeliver": {
    action: redeliverWebhookAction,
    allowed: (t) => t.admin,
    refused: (t) => t.manager,
    input: async (t) => {
      const endpoint = await db().webhookEndpoint.create({
        data: { organizationId: t.org.id, url: "http://127.0.0.1:9/x", events: ["criterion.changed"], secret: "s", createdById: t.admin.id },
      });
      const event = await db().webhookEvent.create({ data: { organizationId: t.org.id, type: "criterion.changed", payload: {} } });
      const delivery = await db().webhookDelivery.create({
        data: { organizationId: t.org.id, endpointId: endpoint.id, eventId: event.id, status: "failed" },
      });
      return { deliveryId: delivery.id };
    },
  },
  "evidence.review": {
    action: reviewEvidenceAction,
    allowed: (t) => t.manager,
    refused: (t) => t.rep,
    input: async (t) => ({ ...(await selfAttestedDeal(t)), op: "accept" }),
  },
  "override-window.save": {
    action: saveOverrideWindowAction,
    allowed: (t) => t.manager,
    refused: (t) => t.rep,
    input: () => Promise.resolve({ overrideMaxDays: 30 }),
  },
  "lead.create": {
    action: createLeadAction,
    allowed: (t) => t.marketing,
    refused: (t) => t.rep,
    input: () => Promise.resolve({ ...lead, email: `lead-${unique()}@acme-saas.io` }),
    refusedInput: () => Promise.resolve({ ...lead, companyName: "" }),
  },
  "lead.convert": {
    action: convertLeadAction,
    allowed: (t) => t.rep,
    refused: (t) => t.marketing,
    input: async (t) => ({ leadId: await ownLead(t), pipelineId: t.pipeline.id, opportunityName: null, overrideReason: null }),
  },
  "lead.nurture": {
    action: nurtureLeadAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => ({
      leadId: await ownLead(t),
      resumeOn: "2027-06-01",
      watchFor: "Their next funding round",
      reason: "Budget is set next year",
    }),
  },
  "lead.disqualify": {
    action: disqualifyLeadAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => ({ leadId: await ownLead(t), reason: "A student project" }),
  },
  "lead.resume": {
    action: resumeLeadAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => {
      const leadId = await ownLead(t);
      await nurtureLead(t.rep, { leadId, resumeOn: new Date("2027-06-01T00:00:00Z"), watchFor: null, reason: "Next year" });
      return { id: leadId };
    },
  },
  "intake-form.save": {
    action: saveIntakeFormAction,
    allowed: (t) => t.marketing,
    refused: (t) => t.rep,
    input: async (t) => ({
      enabled: true,
      title: "Talk to us",
      intro: null,
      fields: ["region"],
      questions: defaultIntakeQuestions(await framework(t)),
      routing: { mode: "round_robin" },
      duplicateWindowDays: 30,
    }),
  },
  "import.upload": {
    action: uploadThroughRoute,
    allowed: (t) => t.marketing,
    refused: (t) => t.rep,
    input: () => Promise.resolve({ kind: "leads", fileName: `twin-${unique()}.csv`, text: LEAD_CSV }),
  },
  "import.plan": {
    action: planImportAction,
    allowed: (t) => t.marketing,
    refused: (t) => t.rep,
    input: async (t) => {
      const job = await uploaded(t);
      return { jobId: job.id, mapping: job.mapping };
    },
  },
  "import.confirm": {
    action: confirmImportAction,
    allowed: (t) => t.marketing,
    refused: (t) => t.rep,
    input: async (t) => {
      const job = await uploaded(t);
      await planImport(t.marketing, { jobId: job.id, mapping: job.mapping });
      await runImport(db(), job.id);
      return { id: job.id };
    },
  },
  "opportunity.nurture": {
    action: nurtureDealAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => ({ opportunityId: (await ownDeal(t)).id, resumeOn: "2027-06-01", watchFor: "A new CFO" }),
  },
  "opportunity.resume": {
    action: resumeDealAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => {
      const deal = await ownDeal(t);
      await setDealNurture(t.rep, { opportunityId: deal.id, resumeOn: new Date("2027-06-01T00:00:00Z"), watchFor: null });
      return { id: deal.id };
    },
  },
  "opportunity.bulk-reassign": {
    action: bulkReassignDealsAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => ({ ids: [(await ownDeal(t)).id], ownerId: t.manager.id }),
  },
  "opportunity.bulk-nurture": {
    action: bulkNurtureDealsAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => ({ ids: [(await ownDeal(t)).id], resumeOn: "2027-06-01", reason: "Budget is set next year" }),
  },
  "lead.bulk-assign": {
    action: bulkAssignLeadsAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => ({ ids: [await ownLead(t)], ownerId: t.manager.id }),
  },
  "lead.bulk-disqualify": {
    action: bulkDisqualifyLeadsAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => ({ ids: [await ownLead(t)], reason: "A student project" }),
  },
  // Every role keeps views of its own: the refusal is the shared schema's (a list that has no views).
  "view.save": {
    action: saveViewAction,
    allowed: (t) => t.rep,
    refused: (t) => t.rep,
    input: () => Promise.resolve({ list: "opportunities", name: `View ${unique()}`, query: { status: "open", sort: "amount" } }),
    refusedInput: () => Promise.resolve({ list: "dashboard", name: "Nope", query: {} }),
  },
  "view.delete": {
    action: deleteViewAction,
    allowed: (t) => t.rep,
    refused: (t) => t.rep,
    input: async (t) => ({
      viewId: (await db().savedView.create({ data: { organizationId: t.org.id, userId: t.rep.id, list: "leads", name: `V ${unique()}`, query: {} } }))
        .id,
    }),
    refusedInput: () => Promise.resolve({ viewId: "not a valid id!" }),
  },
  "user.deactivate": {
    action: deactivateUserAction,
    allowed: (t) => t.admin,
    refused: (t) => t.manager,
    input: async (t) => ({ userId: await freshUser(t) }),
  },
  "user.reactivate": {
    action: reactivateUserAction,
    allowed: (t) => t.admin,
    refused: (t) => t.manager,
    input: async (t) => ({ userId: await freshUser(t, "rep", true) }),
  },
  "user.issue-reset-link": {
    action: issueResetLinkAction,
    allowed: (t) => t.admin,
    refused: (t) => t.manager,
    input: async (t) => ({ userId: await freshUser(t) }),
  },
  "recap.create": {
    action: createRecapAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => {
      const deal = await ownDeal(t);
      return {
        opportunityId: deal.id,
        contactId: (await createContactFor(t.rep, deal.accountId)).id,
        points: [{ criterionId: (await framework(t)).criteria[0]!.id, text: "You said the CFO signs off." }],
        email: false,
      };
    },
  },
  "recap.revoke": {
    action: revokeRecapAction,
    allowed: (t) => t.rep,
    refused: (t) => t.otherRep,
    input: async (t) => {
      const deal = await ownDeal(t);
      const contact = await createContactFor(t.rep, deal.accountId);
      const recap = await db().recap.create({
        data: {
          organizationId: t.org.id,
          opportunityId: deal.id,
          contactId: contact.id,
          points: [],
          tokenHash: `twin-${unique()}`,
          createdById: t.rep.id,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      return { recapId: recap.id };
    },
  },
  "contact.erase": {
    action: eraseContactAction,
    allowed: (t) => t.admin,
    refused: (t) => t.manager,
    input: async (t) => ({
      contactId: (await createContactFor(t.rep, (await createAccountFor(t.rep)).id)).id,
      reason: "Erasure request received by email",
      confirm: "ERASE",
    }),
  },
};

/** The action door: outcome "ok" or the error code. */
async function viaAction(twin: Twin, user: SessionUser, input: Input): Promise<string> {
  actAs(user);
  const result = await twin.action(input as never);
  actAs(null);
  if (result?.validationErrors) return "INVALID";
  return result?.serverError?.code ?? (result?.data !== undefined ? "ok" : "no result");
}

/** The API door: the operation whose adapter runs this use case, with path fields moved into the path. */
async function viaApi(name: ApiUseCaseName, t: Tenant, user: SessionUser, input: Input): Promise<string> {
  const op = OPERATIONS.find((o) => o.useCase === name)!;
  if (op.upload) {
    // A file upload: the file is the body, everything else the query.
    const { text, ...query } = input;
    const res = await api(await keyFor(t.admin, user), op.method, `${op.path}?${new URLSearchParams(query as Record<string, string>).toString()}`, {
      rawBody: String(text),
      headers: { "content-type": op.upload.mediaType },
    });
    return res.status < 300 ? "ok" : String(res.body.code);
  }
  const body = { ...input };
  let route = op.path;
  for (const [param, field] of Object.entries(op.pathInput ?? {})) {
    route = route.replace(`{${param}}`, encodeURIComponent(String(body[field])));
    delete body[field];
  }
  const res = await api(await keyFor(t.admin, user), op.method, route, { body });
  return res.status < 300 ? "ok" : String(res.body.code);
}

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("Twins");
});

describe("every action has an API twin that behaves the same", () => {
  it("every action file runs a registered use case or is a named public action, and every use case has an action and an endpoint or a stated exemption", () => {
    const root = path.resolve(import.meta.dirname, "../../lib/actions");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const named: string[] = [];
    const publicOnes: string[] = [];
    for (const file of files) {
      const source = readFileSync(path.join(root, file), "utf8");
      const useCase = /metadata\(\{ useCase: "([^"]+)" \}\)/.exec(source)?.[1];
      if (useCase) {
        expect(USE_CASE_NAMES as string[], file).toContain(useCase);
        named.push(useCase);
        continue;
      }
      // No use case: only a signed-out visitor's action, listed with its reason in PUBLIC_ACTIONS.
      const exported = /export (?:const|async function) (\w+Action)\b/.exec(source)?.[1];
      expect(exported && Object.keys(PUBLIC_ACTIONS), file).toContain(exported);
      expect(source, file).not.toMatch(/authorizedAction/);
      publicOnes.push(exported!);
    }
    // A use case whose app door is a route handler names it, and the route runs it by name.
    const throughRoutes = USE_CASE_NAMES.filter((name) => (USE_CASES[name] as { ui?: { route: string } }).ui);
    for (const name of throughRoutes) {
      const route = (USE_CASES[name] as { ui: { route: string; because: string } }).ui;
      expect(route.because.length, name).toBeGreaterThan(40);
      expect(readFileSync(path.resolve(import.meta.dirname, "../..", route.route), "utf8"), name).toContain(`"${name}"`);
    }
    expect(new Set([...named, ...throughRoutes])).toEqual(new Set(USE_CASE_NAMES));
    expect(new Set(publicOnes)).toEqual(new Set(Object.keys(PUBLIC_ACTIONS)));
    for (const name of USE_CASE_NAMES) {
      const exempt = (USE_CASES[name] as { api?: { exempt: string } }).api?.exempt;
      const operations = OPERATIONS.filter((o) => o.useCase === name);
      if (exempt) {
        // An exemption is a sentence saying why, and it really has no endpoint.
        expect(exempt.length, name).toBeGreaterThan(40);
        expect(operations, name).toHaveLength(0);
        expect(TWINS[name as ApiUseCaseName], name).toBeUndefined();
        continue;
      }
      expect(operations, name).toHaveLength(1);
      expect(TWINS[name as ApiUseCaseName], name).toBeDefined();
    }
    expect(USE_CASE_NAMES.filter((n) => !API_USE_CASE_NAMES.includes(n)).sort()).toEqual(["user.change-password", "user.sign-out-everywhere"]);
  });

  for (const name of Object.keys(TWINS) as ApiUseCaseName[]) {
    it(`${name}: allowed through both doors, refused through both doors`, async () => {
      const twin = TWINS[name];
      expect(await viaAction(twin, twin.allowed(t), await twin.input(t))).toBe("ok");
      expect(await viaApi(name, t, twin.allowed(t), await twin.input(t))).toBe("ok");
      const refusal = twin.refusedInput ? "INVALID" : "FORBIDDEN";
      const refusedInput = twin.refusedInput ?? twin.input;
      expect(await viaAction(twin, twin.refused(t), await refusedInput(t))).toBe(refusal);
      expect(await viaApi(name, t, twin.refused(t), await refusedInput(t))).toBe(refusal);
    });
  }
});
