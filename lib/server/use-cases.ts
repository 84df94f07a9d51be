import "server-only";
import { z } from "zod";
import { issuesByPath } from "../validation/errors";
import { can, type Permission } from "../permissions";
import { createAccount, updateAccount } from "./accounts/mutations";
import { createApiKey, revokeApiKey } from "./api/keys";
import { eraseContact } from "./contacts/erase-contact";
import { createContact, updateContact } from "./contacts/mutations";
import { db } from "./db";
import { AppError, forbidden } from "./errors";
import { assertValidIcp, toIcpDefinition } from "./icp/definition";
import { createIcpVersion } from "./icp/mutations";
import { previewFit } from "./icp/preview";
import { confirmImport, createImport, planImport } from "./imports/imports";
import { enqueueImport } from "./imports/jobs";
import { saveIntakeForm } from "./intake/save-form";
import { convertLead } from "./leads/convert-lead";
import { createLead } from "./leads/create-lead";
import { bulkAssignLeads, bulkDisqualifyLeads } from "./leads/bulk";
import { deleteView, saveView } from "./views/saved-views";
import { disqualifyLead, nurtureLead, resumeLead } from "./leads/triage";
import { logNote } from "./notes/mutations";
import { resumeDeal, setDealNurture } from "./nurture/due";
import { createRecap, revokeRecap } from "./recaps/manage";
import { createOpportunity, updateOpportunity } from "./opportunities/mutations";
import { moveDealToPipeline } from "./pipeline/move-deal";
import { createPipeline, deletePipeline, renamePipeline, reorderPipelines } from "./pipeline/pipelines";
import { advanceStage } from "./qualification/advance-stage";
import { updateCriterion } from "./qualification/criteria";
import { reviewEvidence } from "./qualification/review";
import { addStakeholder, updateStakeholder } from "./qualification/stakeholders";
import type { SessionUser } from "./session";
import { saveCustomFramework } from "./settings/custom-framework";
import { editStages } from "./settings/edit-stages";
import { changeFramework, saveOverrideWindow, savePipeline } from "./settings/mutations";
import { bulkNurtureDeals, bulkReassignDeals } from "./opportunities/bulk";
import { completeNextStep, setNextStep } from "./opportunities/next-step";
import { changeOwnPassword, deactivateUser, issueResetLink, reactivateUser, signOutEverywhere } from "./users/lifecycle";
import { changeRole, createUser } from "./users/users";
import { emitEvent } from "./webhooks/emit";
import { createWebhook, redeliverWebhook, updateWebhook } from "./webhooks/manage";
import { createAccountSchema, updateAccountSchema } from "../validation/account";
import { createContactSchema, eraseContactSchema, updateContactSchema } from "../validation/contact";
import { previewIcpSchema, saveIcpSchema } from "../validation/icp";
import { planImportSchema, uploadImportSchema } from "../validation/import";
import { createApiKeySchema, createWebhookSchema, redeliverWebhookSchema, revokeApiKeySchema, updateWebhookSchema } from "../validation/integrations";
import {
  convertLeadSchema,
  createLeadSchema,
  dealNurtureSchema,
  disqualifyLeadSchema,
  intakeFormSchema,
  nurtureLeadSchema,
  resumeSchema,
} from "../validation/lead";
import { logNoteSchema } from "../validation/note";
import { createRecapSchema, revokeRecapSchema } from "../validation/recap";
import { createOpportunitySchema, updateOpportunitySchema } from "../validation/opportunity";
import {
  addStakeholderSchema,
  advanceStageSchema,
  criterionUpdateSchema,
  overrideWindowSchema,
  reviewEvidenceSchema,
  updateStakeholderSchema,
} from "../validation/qualification";
import { changeFrameworkSchema, savePipelineSchema } from "../validation/settings";
import { editStagesSchema, saveCustomFrameworkSchema } from "../validation/framework-setup";
import {
  createPipelineSchema,
  deletePipelineSchema,
  moveDealPipelineSchema,
  renamePipelineSchema,
  reorderPipelinesSchema,
} from "../validation/pipeline";
import { completeNextStepSchema, setNextStepSchema } from "../validation/next-step";
import { bulkAssignLeadsSchema, bulkDisqualifyLeadsSchema, bulkNurtureDealsSchema, bulkReassignDealsSchema } from "../validation/bulk";
import { deleteViewSchema, saveViewSchema } from "../validation/saved-view";
import { changePasswordSchema, changeRoleSchema, createUserSchema, userIdSchema } from "../validation/user";

/**
 * One use case: the permission it needs, the schema of its input, and the function that does it (which owns
 * organization scoping, record ownership, evidence rules, the gate, the transaction and the audit row).
 * Server actions and /api/v1 route handlers are both thin adapters over this table, so neither is a back door.
 */
export interface UseCase<S extends z.core.$ZodType, R> {
  permission: Permission;
  input: S;
  run: (user: SessionUser, input: z.output<S>) => Promise<R>;
  /**
   * Set only when the use case makes no sense for an API key, saying why. Every other use case has exactly one
   * /api/v1 operation, and the twin test (tests/integration/api-twins.test.ts) checks both doors behave alike.
   */
  api?: { exempt: string };
  /**
   * Set when the app's door is a route handler instead of a server action, saying why; the route must run the use
   * case by name (the twin test reads it and calls it as the action door).
   */
  ui?: { route: string; because: string };
}

/** A refused move rolls its transaction back, so its webhook event is written on its own afterwards. */
async function advanceStageAndTellWhenBlocked(user: SessionUser, input: z.output<typeof advanceStageSchema>) {
  try {
    return await advanceStage(user, input);
  } catch (error) {
    if (error instanceof AppError && error.code === "GATE_BLOCKED") {
      await emitEvent(db(), user.organizationId, "opportunity.stage_blocked", {
        opportunityId: input.opportunityId,
        toStage: input.toStage,
        actorId: user.id,
        ...(error.details as object),
      });
    }
    throw error;
  }
}

const defineUseCase = <S extends z.core.$ZodType, R>(definition: UseCase<S, R>) => definition;

export const USE_CASES = {
  "account.create": defineUseCase({ permission: "account.create", input: createAccountSchema, run: createAccount }),
  "account.update": defineUseCase({ permission: "account.update", input: updateAccountSchema, run: updateAccount }),
  "contact.create": defineUseCase({ permission: "contact.write", input: createContactSchema, run: createContact }),
  "contact.update": defineUseCase({ permission: "contact.write", input: updateContactSchema, run: updateContact }),
  "opportunity.create": defineUseCase({ permission: "opportunity.create", input: createOpportunitySchema, run: createOpportunity }),
  "opportunity.update": defineUseCase({ permission: "opportunity.update", input: updateOpportunitySchema, run: updateOpportunity }),
  "opportunity.advance": defineUseCase({ permission: "opportunity.advance", input: advanceStageSchema, run: advanceStageAndTellWhenBlocked }),
  "note.log": defineUseCase({ permission: "note.create", input: logNoteSchema, run: logNote }),
  "criterion.update": defineUseCase({ permission: "qualification.record", input: criterionUpdateSchema, run: updateCriterion }),
  "stakeholder.add": defineUseCase({ permission: "qualification.record", input: addStakeholderSchema, run: addStakeholder }),
  "stakeholder.update": defineUseCase({ permission: "qualification.record", input: updateStakeholderSchema, run: updateStakeholder }),
  "icp.create-version": defineUseCase({ permission: "icp.manage", input: saveIcpSchema, run: createIcpVersion }),
  "icp.preview": defineUseCase({
    permission: "icp.manage",
    input: previewIcpSchema,
    run: (user, input) => {
      const icp = toIcpDefinition(input, 0);
      assertValidIcp(icp, "Nothing to preview yet.");
      return previewFit(user, icp);
    },
  }),
  "pipeline.save": defineUseCase({ permission: "pipeline.configure", input: savePipelineSchema, run: savePipeline }),
  "framework.change": defineUseCase({ permission: "pipeline.configure", input: changeFrameworkSchema, run: changeFramework }),
  "framework.save-custom": defineUseCase({ permission: "pipeline.configure", input: saveCustomFrameworkSchema, run: saveCustomFramework }),
  "stages.edit": defineUseCase({ permission: "pipeline.configure", input: editStagesSchema, run: editStages }),
  "pipeline.create": defineUseCase({ permission: "pipeline.configure", input: createPipelineSchema, run: createPipeline }),
  "pipeline.rename": defineUseCase({ permission: "pipeline.configure", input: renamePipelineSchema, run: renamePipeline }),
  "pipeline.reorder": defineUseCase({ permission: "pipeline.configure", input: reorderPipelinesSchema, run: reorderPipelines }),
  "pipeline.delete": defineUseCase({ permission: "pipeline.configure", input: deletePipelineSchema, run: deletePipeline }),
  "opportunity.move-pipeline": defineUseCase({ permission: "opportunity.move-pipeline", input: moveDealPipelineSchema, run: moveDealToPipeline }),
  "user.create": defineUseCase({ permission: "user.manage", input: createUserSchema, run: createUser }),
  "user.change-role": defineUseCase({ permission: "user.manage", input: changeRoleSchema, run: changeRole }),
  "api-key.create": defineUseCase({ permission: "integration.manage", input: createApiKeySchema, run: createApiKey }),
  "api-key.revoke": defineUseCase({ permission: "integration.manage", input: revokeApiKeySchema, run: revokeApiKey }),
  "webhook.create": defineUseCase({ permission: "integration.manage", input: createWebhookSchema, run: createWebhook }),
  "webhook.update": defineUseCase({ permission: "integration.manage", input: updateWebhookSchema, run: updateWebhook }),
  "webhook.redeliver": defineUseCase({ permission: "integration.manage", input: redeliverWebhookSchema, run: redeliverWebhook }),
  "evidence.review": defineUseCase({ permission: "evidence.review", input: reviewEvidenceSchema, run: reviewEvidence }),
  "override-window.save": defineUseCase({ permission: "pipeline.configure", input: overrideWindowSchema, run: saveOverrideWindow }),
  "lead.create": defineUseCase({ permission: "lead.create", input: createLeadSchema, run: (user, input) => createLead(user, input) }),
  "lead.convert": defineUseCase({ permission: "lead.convert", input: convertLeadSchema, run: (user, input) => convertLead(user, input) }),
  "lead.nurture": defineUseCase({ permission: "lead.triage", input: nurtureLeadSchema, run: nurtureLead }),
  "lead.disqualify": defineUseCase({ permission: "lead.triage", input: disqualifyLeadSchema, run: disqualifyLead }),
  "lead.resume": defineUseCase({ permission: "lead.triage", input: resumeSchema, run: (user, input) => resumeLead(user, input.id) }),
  "intake-form.save": defineUseCase({ permission: "intake.configure", input: intakeFormSchema, run: saveIntakeForm }),
  "import.upload": defineUseCase({
    permission: "import.run",
    input: uploadImportSchema,
    run: async (user, input) => ({ jobId: (await createImport(user, input)).id }),
    ui: { route: "app/api/imports/route.ts", because: "A file of up to 20 MB is larger than a server action's body may be." },
  }),
  "import.plan": defineUseCase({
    permission: "import.run",
    input: planImportSchema,
    // The dry run is queued work: planning without queueing it would leave the import waiting forever.
    run: async (user, input) => {
      await planImport(user, input);
      await enqueueImport(input.jobId);
      return { jobId: input.jobId };
    },
  }),
  "import.confirm": defineUseCase({
    permission: "import.run",
    input: resumeSchema,
    run: async (user, input) => {
      await confirmImport(user, input.id);
      await enqueueImport(input.id);
      return { jobId: input.id };
    },
  }),
  "opportunity.set-next-step": defineUseCase({ permission: "opportunity.update", input: setNextStepSchema, run: setNextStep }),
  "opportunity.complete-next-step": defineUseCase({ permission: "opportunity.update", input: completeNextStepSchema, run: completeNextStep }),
  "opportunity.nurture": defineUseCase({ permission: "opportunity.update", input: dealNurtureSchema, run: setDealNurture }),
  "opportunity.resume": defineUseCase({
    permission: "opportunity.update",
    input: resumeSchema,
    run: async (user, input) => {
      await resumeDeal(user, input.id);
      return { id: input.id };
    },
  }),
  "opportunity.bulk-reassign": defineUseCase({ permission: "opportunity.update", input: bulkReassignDealsSchema, run: bulkReassignDeals }),
  "opportunity.bulk-nurture": defineUseCase({ permission: "opportunity.update", input: bulkNurtureDealsSchema, run: bulkNurtureDeals }),
  "lead.bulk-assign": defineUseCase({ permission: "lead.triage", input: bulkAssignLeadsSchema, run: bulkAssignLeads }),
  "lead.bulk-disqualify": defineUseCase({ permission: "lead.triage", input: bulkDisqualifyLeadsSchema, run: bulkDisqualifyLeads }),
  "view.save": defineUseCase({ permission: "view.save", input: saveViewSchema, run: saveView }),
  "view.delete": defineUseCase({ permission: "view.save", input: deleteViewSchema, run: deleteView }),
  "user.deactivate": defineUseCase({ permission: "user.manage", input: userIdSchema, run: deactivateUser }),
  "user.reactivate": defineUseCase({ permission: "user.manage", input: userIdSchema, run: reactivateUser }),
  "user.issue-reset-link": defineUseCase({ permission: "user.manage", input: userIdSchema, run: issueResetLink }),
  "contact.erase": defineUseCase({ permission: "contact.erase", input: eraseContactSchema, run: eraseContact }),
  "recap.create": defineUseCase({ permission: "qualification.record", input: createRecapSchema, run: (user, input) => createRecap(user, input) }),
  "recap.revoke": defineUseCase({ permission: "qualification.record", input: revokeRecapSchema, run: (user, input) => revokeRecap(user, input) }),
  "user.change-password": defineUseCase({
    permission: "self.manage",
    input: changePasswordSchema,
    run: (user, input) => changeOwnPassword(user, input, user.sessionId),
    api: {
      exempt:
        "An API key has no password of its own, and it acts as a user without knowing theirs: a key holder must not be able to take over the account by changing its password.",
    },
  }),
  "user.sign-out-everywhere": defineUseCase({
    permission: "self.manage",
    input: z.object({}).strict(),
    run: signOutEverywhere,
    api: { exempt: "It revokes browser sessions (cookies); API keys are not sessions and are revoked one by one under API keys." },
  }),
} as const;

export type UseCaseName = keyof typeof USE_CASES;
type Cases = typeof USE_CASES;
export type UseCaseInput<N extends UseCaseName> = z.output<Cases[N]["input"]>;
export type UseCaseResult<N extends UseCaseName> = Awaited<ReturnType<Cases[N]["run"]>>;
export const USE_CASE_NAMES = Object.keys(USE_CASES) as [UseCaseName, ...UseCaseName[]];

/** Use cases with an /api/v1 twin: every one but the explicit exemptions above. */
export const API_USE_CASE_NAMES = USE_CASE_NAMES.filter((name) => !(USE_CASES[name] as UseCase<z.core.$ZodType, unknown>).api?.exempt);

/**
 * Server actions a signed-out visitor runs (no session, so no use case and no API twin): the proof they need is
 * in their input. Named here so the twin test can tell an exemption from an action someone forgot to register.
 */
export const PUBLIC_ACTIONS = {
  respondRecapAction:
    "The buyer's answers to a recap link: no account and no session by design; the link's one-time token is the proof. Integrations learn of the answers from the recap.responded webhook.",
  resetPasswordAction: "Sets a password from a one-time reset link: the link's token is the proof. API keys act as a user and never hold a password.",
  submitIntakeAction:
    "The public intake form (rate limits per address and per form, honeypot). Integrations create leads with POST /api/v1/leads, which scores, routes and writes them through the same leads service (writeLeads) and emits the same lead.created and lead.routed events.",
} as const;

/** Fails closed: the role must hold the use case's permission before anything else happens. */
export function authorizeUseCase(user: SessionUser, name: UseCaseName): void {
  if (!can(user.role, USE_CASES[name].permission)) throw forbidden("Your role does not allow that.");
}

/** Runs a use case on input its schema already parsed (the action client parses with the same schema). */
export async function runUseCase<N extends UseCaseName>(name: N, user: SessionUser, input: UseCaseInput<N>): Promise<UseCaseResult<N>> {
  authorizeUseCase(user, name);
  const definition = USE_CASES[name] as unknown as UseCase<z.core.$ZodType, UseCaseResult<N>>;
  return definition.run(user, input);
}

/** For transports that carry raw input (JSON, jobs): permission first, then the same zod schema, then the use case. */
export async function executeUseCase<N extends UseCaseName>(name: N, user: SessionUser, raw: unknown): Promise<UseCaseResult<N>> {
  authorizeUseCase(user, name);
  const parsed = await z.safeParseAsync(USE_CASES[name].input, raw);
  if (!parsed.success) {
    throw new AppError("INVALID", "Some fields need attention.", { fieldErrors: issuesByPath(parsed.error.issues) });
  }
  return runUseCase(name, user, parsed.data as UseCaseInput<N>);
}
