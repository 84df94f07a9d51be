import { createAccountAction } from "../../../lib/actions/accounts/create-account";
import { updateAccountAction } from "../../../lib/actions/accounts/update-account";
import { createContactAction } from "../../../lib/actions/contacts/create-contact";
import { eraseContactAction } from "../../../lib/actions/contacts/erase-contact";
import { updateContactAction } from "../../../lib/actions/contacts/update-contact";
import { createIcpVersionAction } from "../../../lib/actions/icp/create-icp-version";
import { previewIcpAction } from "../../../lib/actions/icp/preview-icp";
import { logNoteAction } from "../../../lib/actions/notes/log-note";
import { advanceStageAction } from "../../../lib/actions/opportunities/advance-stage";
import { completeNextStepAction } from "../../../lib/actions/opportunities/complete-next-step";
import { setNextStepAction } from "../../../lib/actions/opportunities/set-next-step";
import { createOpportunityAction } from "../../../lib/actions/opportunities/create-opportunity";
import { updateOpportunityAction } from "../../../lib/actions/opportunities/update-opportunity";
import { addStakeholderAction } from "../../../lib/actions/qualification/add-stakeholder";
import { updateCriterionAction } from "../../../lib/actions/qualification/update-criterion";
import { updateStakeholderAction } from "../../../lib/actions/qualification/update-stakeholder";
import { changeFrameworkAction } from "../../../lib/actions/settings/change-framework";
import { savePipelineAction } from "../../../lib/actions/settings/save-pipeline";
import { editStagesAction } from "../../../lib/actions/settings/edit-stages";
import { saveCustomFrameworkAction } from "../../../lib/actions/settings/save-custom-framework";
import { changePasswordAction } from "../../../lib/actions/users/change-password";
import { changeRoleAction } from "../../../lib/actions/users/change-role";
import { createUserAction } from "../../../lib/actions/users/create-user";
import { deactivateUserAction } from "../../../lib/actions/users/deactivate-user";
import { issueResetLinkAction } from "../../../lib/actions/users/issue-reset-link";
import { reactivateUserAction } from "../../../lib/actions/users/reactivate-user";
import { resetPasswordAction } from "../../../lib/actions/users/reset-password";
import { signOutEverywhereAction } from "../../../lib/actions/users/sign-out-everywhere";
import { confirmImportAction } from "../../../lib/actions/imports/confirm-import";
import { planImportAction } from "../../../lib/actions/imports/plan-import";
import { saveIntakeFormAction } from "../../../lib/actions/intake/save-intake-form";
import { convertLeadAction } from "../../../lib/actions/leads/convert-lead";
import { createLeadAction } from "../../../lib/actions/leads/create-lead";
import { disqualifyLeadAction } from "../../../lib/actions/leads/disqualify-lead";
import { nurtureLeadAction } from "../../../lib/actions/leads/nurture-lead";
import { resumeLeadAction } from "../../../lib/actions/leads/resume-lead";
import { nurtureDealAction } from "../../../lib/actions/opportunities/nurture-deal";
import { bulkNurtureDealsAction } from "../../../lib/actions/opportunities/bulk-nurture-deals";
import { bulkReassignDealsAction } from "../../../lib/actions/opportunities/bulk-reassign-deals";
import { bulkAssignLeadsAction } from "../../../lib/actions/leads/bulk-assign-leads";
import { bulkDisqualifyLeadsAction } from "../../../lib/actions/leads/bulk-disqualify-leads";
import { deleteViewAction } from "../../../lib/actions/views/delete-view";
import { saveViewAction } from "../../../lib/actions/views/save-view";
import { resumeDealAction } from "../../../lib/actions/opportunities/resume-deal";
import { reviewEvidenceAction } from "../../../lib/actions/qualification/review-evidence";
import { saveOverrideWindowAction } from "../../../lib/actions/settings/save-override-window";
import { createPipelineAction } from "../../../lib/actions/settings/create-pipeline";
import { deletePipelineAction } from "../../../lib/actions/settings/delete-pipeline";
import { renamePipelineAction } from "../../../lib/actions/settings/rename-pipeline";
import { reorderPipelinesAction } from "../../../lib/actions/settings/reorder-pipelines";
import { moveToPipelineAction } from "../../../lib/actions/opportunities/move-to-pipeline";
import { submitIntakeAction } from "../../../lib/actions/intake/submit-intake";
import { createApiKeyAction } from "../../../lib/actions/integrations/create-api-key";
import { createWebhookAction } from "../../../lib/actions/integrations/create-webhook";
import { redeliverWebhookAction } from "../../../lib/actions/integrations/redeliver-webhook";
import { revokeApiKeyAction } from "../../../lib/actions/integrations/revoke-api-key";
import { updateWebhookAction } from "../../../lib/actions/integrations/update-webhook";
import { createRecapAction } from "../../../lib/actions/recaps/create-recap";
import { respondRecapAction } from "../../../lib/actions/recaps/respond-recap";
import { revokeRecapAction } from "../../../lib/actions/recaps/revoke-recap";
import { submitIntake } from "../../../lib/server/intake/submit";
import type { Permission } from "../../../lib/permissions";
import type { World } from "./world";

/** What any action returns, as far as a probe needs to know. */
export type Outcome = { data?: unknown; serverError?: { code: string }; validationErrors?: unknown } | undefined;

/**
 * One row per file under lib/actions. `call` runs the action with an input aimed at tenant A's records
 * (valid enough to pass validation). The table derives the probes from the row:
 * - signed out → UNAUTHENTICATED (public actions: their own `publicProbe` instead);
 * - every role the permission table denies → FORBIDDEN;
 * - `record: true`: an allowed user of tenant B → NOT_FOUND (a record of another organization does not exist);
 * - `ownerScoped: true`: tenant A's other rep, on the rep's record → FORBIDDEN.
 * Each refused probe must also write nothing (no audit row anywhere).
 */
export interface ActionRow {
  /** Path under lib/actions. */
  file: string;
  /** The permission of the use case named in the action's .metadata() (lib/server/use-cases.ts), or "public". */
  permission: Permission | "public";
  record: boolean;
  ownerScoped: boolean;
  call: (w: World) => Promise<Outcome>;
  /** Public actions only: a call a stranger can make, and the refusal it must get. */
  publicProbe?: { call: (w: World) => Promise<Outcome>; expect: string };
}

const pipelineInput = { stages: [{ id: "prospecting", label: "Prospecting", probability: 10, exit: [] }] };
const customFrameworkInput = {
  expectedVersion: 1,
  name: "Probe framework",
  criteria: [
    { id: "pain", label: "Pain", description: "", weight: 1, knockout: false, freshnessDays: null, questions: ["What hurts?"], verifierRoles: [] },
  ],
};
const stagesInput = {
  expectedVersion: 1,
  destinations: {},
  stages: [
    { id: "prospecting", label: "Prospecting", probability: 10, kind: "open" as const, exit: [] },
    { id: "closed_won", label: "Won", probability: 100, kind: "won" as const, exit: [] },
    { id: "closed_lost", label: "Lost", probability: 0, kind: "lost" as const, exit: [] },
  ],
};

export const ACTION_ROWS: ActionRow[] = [
  {
    file: "integrations/create-api-key.ts",
    permission: "integration.manage",
    record: false,
    ownerScoped: false,
    call: () => createApiKeyAction({ name: "Probe key", actAs: "role", role: "rep" }),
  },
  {
    file: "integrations/revoke-api-key.ts",
    permission: "integration.manage",
    record: true,
    ownerScoped: false,
    call: (w) => revokeApiKeyAction({ keyId: w.apiKey.id }),
  },
  {
    file: "integrations/create-webhook.ts",
    permission: "integration.manage",
    record: false,
    ownerScoped: false,
    call: () => createWebhookAction({ url: "http://127.0.0.1:9/probe", events: ["lead.created"] }),
  },
  {
    file: "integrations/update-webhook.ts",
    permission: "integration.manage",
    record: true,
    ownerScoped: false,
    call: (w) => updateWebhookAction({ endpointId: w.webhook.id, op: "disable" }),
  },
  {
    file: "integrations/redeliver-webhook.ts",
    permission: "integration.manage",
    record: true,
    ownerScoped: false,
    call: (w) => redeliverWebhookAction({ deliveryId: w.delivery.id }),
  },
  {
    file: "accounts/create-account.ts",
    permission: "account.create",
    record: false,
    ownerScoped: false,
    call: () => createAccountAction({ name: "Probe Co", techStack: "", hiringSignals: "" }),
  },
  {
    file: "accounts/update-account.ts",
    permission: "account.update",
    record: true,
    ownerScoped: true,
    call: (w) => updateAccountAction({ id: w.account.id, name: "Probe Co", techStack: "", hiringSignals: "" }),
  },
  {
    file: "contacts/create-contact.ts",
    permission: "contact.write",
    record: true,
    ownerScoped: false,
    call: (w) => createContactAction({ accountId: w.account.id, name: "Probe Person" }),
  },
  {
    file: "contacts/update-contact.ts",
    permission: "contact.write",
    record: true,
    ownerScoped: false,
    call: (w) => updateContactAction({ id: w.contact.id, accountId: w.account.id, name: "Probe Person" }),
  },
  {
    file: "contacts/erase-contact.ts",
    permission: "contact.erase",
    record: true,
    ownerScoped: false,
    call: (w) => eraseContactAction({ contactId: w.contact.id, reason: "Probe", confirm: "ERASE" }),
  },
  {
    file: "icp/create-icp-version.ts",
    permission: "icp.manage",
    record: false,
    ownerScoped: false,
    call: () => createIcpVersionAction({ rules: [], pursueThreshold: 50, disqualifyBelow: null, basedOnVersion: 0 }),
  },
  {
    file: "icp/preview-icp.ts",
    permission: "icp.manage",
    record: false,
    ownerScoped: false,
    call: () => previewIcpAction({ rules: [], pursueThreshold: 50, disqualifyBelow: null }),
  },
  {
    file: "notes/log-note.ts",
    permission: "note.create",
    record: true,
    ownerScoped: false,
    call: (w) => logNoteAction({ opportunityId: w.opportunity.id, body: "Probe" }),
  },
  {
    file: "opportunities/advance-stage.ts",
    permission: "opportunity.advance",
    record: true,
    ownerScoped: true,
    call: (w) => advanceStageAction({ opportunityId: w.opportunity.id, toStage: "discovery", version: 1 }),
  },
  {
    file: "opportunities/create-opportunity.ts",
    permission: "opportunity.create",
    record: true,
    ownerScoped: false,
    call: (w) => createOpportunityAction({ name: "Probe", accountId: w.account.id, amount: "1" }),
  },
  {
    file: "opportunities/update-opportunity.ts",
    permission: "opportunity.update",
    record: true,
    ownerScoped: true,
    call: (w) => updateOpportunityAction({ id: w.opportunity.id, name: "Probe", accountId: w.account.id, amount: "1", version: 1 }),
  },
  {
    file: "qualification/add-stakeholder.ts",
    permission: "qualification.record",
    record: true,
    ownerScoped: true,
    call: (w) => addStakeholderAction({ opportunityId: w.opportunity.id, contactId: w.contact.id, role: "user" }),
  },
  {
    file: "qualification/update-criterion.ts",
    permission: "qualification.record",
    record: true,
    ownerScoped: true,
    call: (w) => updateCriterionAction({ opportunityId: w.opportunity.id, criterionId: "metrics", op: "reset" }),
  },
  {
    file: "qualification/update-stakeholder.ts",
    permission: "qualification.record",
    record: true,
    ownerScoped: true,
    call: (w) =>
      updateStakeholderAction({ stakeholderId: w.stakeholder.id, op: "engaged", channel: "call", happenedOn: "2026-01-05", summary: "Probe call" }),
  },
  {
    file: "imports/plan-import.ts",
    permission: "import.run",
    record: true,
    ownerScoped: false,
    call: (w) => planImportAction({ jobId: w.importJob.id, mapping: {} }),
  },
  {
    file: "imports/confirm-import.ts",
    permission: "import.run",
    record: true,
    ownerScoped: false,
    call: (w) => confirmImportAction({ id: w.importJob.id }),
  },
  {
    file: "intake/save-intake-form.ts",
    permission: "intake.configure",
    record: false,
    ownerScoped: false,
    call: () =>
      saveIntakeFormAction({
        enabled: false,
        title: "Probe",
        intro: "",
        fields: [],
        questions: [],
        routing: { mode: "round_robin" },
        duplicateWindowDays: 30,
      } as never),
  },
  {
    file: "intake/submit-intake.ts",
    permission: "public",
    record: false,
    ownerScoped: false,
    call: (w) => submitIntakeAction(w.a.org.slug, {}, new FormData()) as never,
    // A stranger posting to a form that does not exist gets NOT_FOUND and writes nothing (the adapter needs a
    // request for its headers, so the probe goes through the use case it wraps).
    publicProbe: {
      call: async () => {
        try {
          return { data: await submitIntake({ slug: "no-such-form", ip: "203.0.113.9", body: {}, now: new Date() }) };
        } catch (error) {
          return { serverError: { code: (error as { code?: string }).code ?? "THROWN" } };
        }
      },
      expect: "NOT_FOUND",
    },
  },
  {
    file: "leads/create-lead.ts",
    permission: "lead.create",
    record: false,
    ownerScoped: false,
    call: () => createLeadAction({ name: "Probe Person", companyName: "Probe Co", answers: {} } as never),
  },
  {
    file: "leads/convert-lead.ts",
    permission: "lead.convert",
    record: true,
    ownerScoped: true,
    call: (w) => convertLeadAction({ leadId: w.lead.id }),
  },
  {
    file: "leads/disqualify-lead.ts",
    permission: "lead.triage",
    record: true,
    ownerScoped: true,
    call: (w) => disqualifyLeadAction({ leadId: w.lead.id, reason: "Probe reason" }),
  },
  {
    file: "leads/nurture-lead.ts",
    permission: "lead.triage",
    record: true,
    ownerScoped: true,
    call: (w) => nurtureLeadAction({ leadId: w.lead.id, resumeOn: "2027-03-01", reason: "Probe reason" }),
  },
  { file: "leads/resume-lead.ts", permission: "lead.triage", record: true, ownerScoped: true, call: (w) => resumeLeadAction({ id: w.lead.id }) },
  {
    file: "opportunities/nurture-deal.ts",
    permission: "opportunity.update",
    record: true,
    ownerScoped: true,
    call: (w) => nurtureDealAction({ opportunityId: w.opportunity.id, resumeOn: "2027-03-01" }),
  },
  {
    file: "opportunities/bulk-reassign-deals.ts",
    permission: "opportunity.update",
    record: true,
    ownerScoped: true,
    call: (w) => bulkReassignDealsAction({ ids: [w.opportunity.id], ownerId: w.a.manager.id }),
  },
  {
    file: "opportunities/bulk-nurture-deals.ts",
    permission: "opportunity.update",
    record: true,
    ownerScoped: true,
    call: (w) => bulkNurtureDealsAction({ ids: [w.opportunity.id], resumeOn: "2027-03-01", reason: "Probe reason" }),
  },
  {
    file: "leads/bulk-assign-leads.ts",
    permission: "lead.triage",
    record: true,
    ownerScoped: true,
    call: (w) => bulkAssignLeadsAction({ ids: [w.lead.id], ownerId: w.a.manager.id }),
  },
  {
    file: "leads/bulk-disqualify-leads.ts",
    permission: "lead.triage",
    record: true,
    ownerScoped: true,
    call: (w) => bulkDisqualifyLeadsAction({ ids: [w.lead.id], reason: "Probe reason" }),
  },
  {
    file: "views/save-view.ts",
    permission: "view.save",
    record: false,
    ownerScoped: false,
    call: () => saveViewAction({ list: "opportunities", name: "Probe view", query: {} }),
  },
  {
    file: "views/delete-view.ts",
    permission: "view.save",
    record: false,
    ownerScoped: false,
    call: () => deleteViewAction({ viewId: "no-such-view" }),
  },
  {
    file: "opportunities/set-next-step.ts",
    permission: "opportunity.update",
    record: true,
    ownerScoped: true,
    call: (w) => setNextStepAction({ opportunityId: w.opportunity.id, text: "Send the security review", dueOn: "2027-03-01" }),
  },
  {
    file: "opportunities/complete-next-step.ts",
    permission: "opportunity.update",
    record: true,
    ownerScoped: true,
    call: (w) => completeNextStepAction({ opportunityId: w.opportunity.id }),
  },
  {
    file: "opportunities/resume-deal.ts",
    permission: "opportunity.update",
    record: true,
    ownerScoped: true,
    call: (w) => resumeDealAction({ id: w.opportunity.id }),
  },
  {
    file: "qualification/review-evidence.ts",
    permission: "evidence.review",
    record: true,
    ownerScoped: false,
    call: (w) => reviewEvidenceAction({ opportunityId: w.opportunity.id, criterionId: "metrics", op: "accept" }),
  },
  {
    file: "recaps/create-recap.ts",
    permission: "qualification.record",
    record: true,
    ownerScoped: true,
    call: (w) =>
      createRecapAction({
        opportunityId: w.opportunity.id,
        contactId: w.contact.id,
        points: [{ criterionId: "metrics", text: "Probe" }],
        email: false,
      }),
  },
  {
    file: "recaps/revoke-recap.ts",
    permission: "qualification.record",
    record: true,
    ownerScoped: true,
    call: (w) => revokeRecapAction({ recapId: w.recap.id }),
  },
  {
    file: "recaps/respond-recap.ts",
    permission: "public",
    record: false,
    ownerScoped: false,
    call: () => respondRecapAction({ token: "A".repeat(43), answers: [{ criterionId: "metrics", kind: "confirm" }] }),
    // The token is the only proof: a guessed one finds nothing (and counts against the address's limit).
    publicProbe: {
      call: () =>
        respondRecapAction({ token: "forged-token-forged-token-forged-token-0000", answers: [{ criterionId: "metrics", kind: "confirm" }] }),
      expect: "NOT_FOUND",
    },
  },
  {
    file: "settings/save-override-window.ts",
    permission: "pipeline.configure",
    record: false,
    ownerScoped: false,
    call: () => saveOverrideWindowAction({ overrideMaxDays: 60 }),
  },
  {
    file: "settings/change-framework.ts",
    permission: "pipeline.configure",
    record: false,
    ownerScoped: false,
    call: () => changeFrameworkAction({ frameworkKey: "bant", confirmReset: true }),
  },
  {
    file: "settings/save-custom-framework.ts",
    permission: "pipeline.configure",
    record: false,
    ownerScoped: false,
    call: () => saveCustomFrameworkAction(customFrameworkInput),
  },
  { file: "settings/edit-stages.ts", permission: "pipeline.configure", record: false, ownerScoped: false, call: () => editStagesAction(stagesInput) },
  {
    file: "settings/save-pipeline.ts",
    permission: "pipeline.configure",
    record: false,
    ownerScoped: false,
    call: () => savePipelineAction(pipelineInput),
  },
  {
    file: "settings/create-pipeline.ts",
    permission: "pipeline.configure",
    record: false,
    ownerScoped: false,
    call: () => createPipelineAction({ name: "Probe pipeline", frameworkKey: "bant" }),
  },
  {
    file: "settings/rename-pipeline.ts",
    permission: "pipeline.configure",
    record: true,
    ownerScoped: false,
    call: (w) => renamePipelineAction({ pipelineId: w.a.pipeline.id, name: "Renamed by a probe" }),
  },
  // Another organization's ids in a reorder are INVALID (not every pipeline of the caller's), never applied.
  {
    file: "settings/reorder-pipelines.ts",
    permission: "pipeline.configure",
    record: false,
    ownerScoped: false,
    call: (w) => reorderPipelinesAction({ pipelineIds: [w.a.pipeline.id] }),
  },
  {
    file: "settings/delete-pipeline.ts",
    permission: "pipeline.configure",
    record: true,
    ownerScoped: false,
    call: (w) => deletePipelineAction({ pipelineId: w.a.pipeline.id }),
  },
  {
    file: "opportunities/move-to-pipeline.ts",
    permission: "opportunity.move-pipeline",
    record: true,
    ownerScoped: false,
    call: (w) =>
      moveToPipelineAction({ opportunityId: w.opportunity.id, version: w.opportunity.version, pipelineId: w.a.pipeline.id, toStage: "prospecting" }),
  },
  {
    file: "users/change-password.ts",
    permission: "self.manage",
    record: false,
    ownerScoped: false,
    call: () => changePasswordAction({ currentPassword: "x", newPassword: "long-enough-pass", confirmPassword: "long-enough-pass" }),
  },
  {
    file: "users/change-role.ts",
    permission: "user.manage",
    record: true,
    ownerScoped: false,
    call: (w) => changeRoleAction({ userId: w.a.rep.id, role: "manager" }),
  },
  {
    file: "users/create-user.ts",
    permission: "user.manage",
    record: false,
    ownerScoped: false,
    call: () => createUserAction({ name: "Probe", email: `probe-${Date.now()}@example.com`, role: "rep", password: "long-enough-pass" }),
  },
  {
    file: "users/deactivate-user.ts",
    permission: "user.manage",
    record: true,
    ownerScoped: false,
    call: (w) => deactivateUserAction({ userId: w.a.rep.id }),
  },
  {
    file: "users/issue-reset-link.ts",
    permission: "user.manage",
    record: true,
    ownerScoped: false,
    call: (w) => issueResetLinkAction({ userId: w.a.rep.id }),
  },
  {
    file: "users/reactivate-user.ts",
    permission: "user.manage",
    record: true,
    ownerScoped: false,
    call: (w) => reactivateUserAction({ userId: w.a.rep.id }),
  },
  { file: "users/sign-out-everywhere.ts", permission: "self.manage", record: false, ownerScoped: false, call: () => signOutEverywhereAction({}) },
  {
    file: "users/reset-password.ts",
    permission: "public",
    record: false,
    ownerScoped: false,
    call: () => resetPasswordAction({ token: "x".repeat(43), newPassword: "long-enough-pass", confirmPassword: "long-enough-pass" }),
    publicProbe: {
      call: () =>
        resetPasswordAction({ token: "forged-token-forged-token-forged", newPassword: "long-enough-pass", confirmPassword: "long-enough-pass" }),
      expect: "INVALID",
    },
  },
];
