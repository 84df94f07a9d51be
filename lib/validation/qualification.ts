import { z } from "zod";
import { day, id, INT4_MAX, int4, multilineText, optionalDate, optionalText, requiredText } from "./fields";

export const STAKEHOLDER_ROLES = ["economic_buyer", "champion", "decision_maker", "influencer", "blocker", "user", "procurement"] as const;

/** What one piece of evidence in a discovery note says about a criterion. */
export const evidenceEntrySchema = z.object({
  criterionId: z
    .string({ error: "Pick a criterion." })
    .min(1, "Pick a criterion.")
    .max(64, "Pick a criterion.")
    .regex(/^[A-Za-z0-9_-]+$/, "Pick a criterion."),
  state: z.enum(["claimed", "verified", "negative"], { error: "Pick claimed, verified or negative." }),
  excerpt: multilineText("Excerpt", { min: 1, max: 1000, required: "Quote or summarise what backs this criterion." }),
  contactId: z.preprocess((v) => (v === "" ? null : v), id("Contact").nullable().default(null)),
  /** A reference anyone can check: the signed MAP, the security review, a link. */
  documentRef: optionalText("Document or link", 500),
});

export const criterionUpdateSchema = z.discriminatedUnion("op", [
  /** verify: back the claim with proof (a fitting contact's words, a document); the server refuses a bare click. */
  z.object({
    opportunityId: id("Opportunity"),
    criterionId: id("Criterion"),
    op: z.literal("verify"),
    contactId: z.preprocess((v) => (v === "" ? null : v), id("Contact").nullable().default(null)),
    documentRef: optionalText("Document or link", 500),
    excerpt: optionalText("What they said", 1000),
  }),
  /** reset: back to unknown (e.g. the champion left). */
  z.object({
    opportunityId: id("Opportunity"),
    criterionId: id("Criterion"),
    op: z.literal("reset"),
    reason: multilineText("Reason", { max: 500 }).optional(),
  }),
]);

/** A manager's decision on a verification that rests on the rep's record: accept it, or challenge it with a reason. */
export const reviewEvidenceSchema = z.discriminatedUnion("op", [
  z.object({ opportunityId: id("Opportunity"), criterionId: id("Criterion"), op: z.literal("accept") }),
  z.object({
    opportunityId: id("Opportunity"),
    criterionId: id("Criterion"),
    op: z.literal("challenge"),
    reason: z
      .string({ error: "Say what is wrong with the evidence." })
      .trim()
      .min(5, "Say what is wrong with the evidence (at least 5 characters).")
      .max(1000),
  }),
]);

export const addStakeholderSchema = z.object({
  opportunityId: id("Opportunity"),
  contactId: id("Contact"),
  role: z.enum(STAKEHOLDER_ROLES, { error: "Pick a buying role." }),
});

const ENGAGEMENT_CHANNELS = ["meeting", "call", "email_reply"] as const;

/** The day a manager override stops applying (end of day, UTC); the server bounds it to the organization's override window. */
const overrideExpiry = day("Override expiry", "Pick the date the override expires.").transform((v) => new Date(`${v}T23:59:59Z`));

/** The day something happened: a real date, today or earlier (the server checks "not in the future" against its clock). */
const happenedOn = (label: string) => optionalDate(label).pipe(z.date({ error: `${label} is required.` }));

export const updateStakeholderSchema = z.discriminatedUnion("op", [
  /** Engagement is an activity: what happened, how, and the day it happened. */
  z.object({
    stakeholderId: id("Stakeholder"),
    op: z.literal("engaged"),
    channel: z.enum(ENGAGEMENT_CHANNELS, { error: "Pick meeting, call or email reply." }),
    happenedOn: happenedOn("The day it happened"),
    summary: z.string({ error: "Say what happened." }).trim().min(3, "Say what happened.").max(500),
  }),
  /** The test the champion passed: what they did for us, and when. */
  z.object({
    stakeholderId: id("Stakeholder"),
    op: z.literal("champion_tested"),
    happenedOn: happenedOn("The day of the test"),
    summary: z.string({ error: "Describe the test." }).trim().min(5, "Describe the test the champion passed.").max(500),
  }),
  z.object({ stakeholderId: id("Stakeholder"), op: z.enum(["champion_untested", "remove"]) }),
]);

/** Blank form fields mean "no override". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A manager's exception to a stage gate: why, and until when it applies. Both or neither (see `overrideBothOrNeither`). */
export const gateOverrideFields = {
  overrideReason: z.preprocess(
    blankToUndefined,
    multilineText("Reason", { min: 10, max: 1000, required: "Explain the exception in at least 10 characters." }).optional(),
  ),
  /** A real day; the server bounds it to the organization's override window. Applies to the end of that day (UTC). */
  overrideExpiresOn: z.preprocess(blankToUndefined, overrideExpiry.optional()),
};

export function overrideBothOrNeither(v: { overrideReason?: string | undefined; overrideExpiresOn?: Date | undefined }, ctx: z.RefinementCtx): void {
  if (v.overrideReason !== undefined && v.overrideExpiresOn === undefined)
    ctx.addIssue({ code: "custom", path: ["overrideExpiresOn"], message: "Pick the date the override expires." });
  if (v.overrideExpiresOn !== undefined && v.overrideReason === undefined)
    ctx.addIssue({ code: "custom", path: ["overrideReason"], message: "Explain the exception." });
}

export const advanceStageSchema = z
  .object({
    opportunityId: id("Opportunity"),
    toStage: id("Stage"),
    version: int4("Version", 1),
    ...gateOverrideFields,
  })
  .superRefine(overrideBothOrNeither);

/** How long a manager override may run, per organization. */
export const overrideWindowSchema = z.object({
  overrideMaxDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(1, "At least 1 day.")
    .max(365, "At most 365 days."),
});

// ── JSON stored in settings rows; parsed again on read so a bad row fails loudly, not silently. ──

export const gateRequirementSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("criterion"),
    criterionId: id("Criterion"),
    atLeast: z.enum(["claimed", "verified"]),
    basis: z.enum(["stated", "confirmed"]).optional(),
  }),
  z.object({ kind: z.literal("min_fit"), score: z.number().int().min(0).max(100) }),
  z.object({ kind: z.literal("min_intent"), score: z.number().int().min(0).max(100) }),
  z.object({ kind: z.literal("stakeholder"), role: z.enum(STAKEHOLDER_ROLES), engagedWithinDays: z.number().int().min(1).max(365).optional() }),
  z.object({ kind: z.literal("champion_tested") }),
]);
export const gateRequirementsSchema = z.array(gateRequirementSchema).max(30);

const strings = z.array(requiredText("Each value", 100)).min(1, "List at least one value.").max(100);
const ruleBase = { id: requiredText("Rule id", 64), label: requiredText("Label", 120), weight: z.number().min(0).max(100), knockout: z.boolean() };

export const icpRuleSchema = z.discriminatedUnion("kind", [
  z.object({ ...ruleBase, kind: z.literal("industry_in"), industries: strings }),
  z.object({
    ...ruleBase,
    kind: z.literal("employee_range"),
    min: z.number().int().min(0).max(INT4_MAX).optional(),
    max: z.number().int().min(0).max(INT4_MAX).optional(),
  }),
  z.object({ ...ruleBase, kind: z.literal("region_in"), regions: strings }),
  z.object({ ...ruleBase, kind: z.literal("country_in"), countries: strings }),
  z.object({ ...ruleBase, kind: z.literal("tech_includes"), technologies: strings, mode: z.enum(["any", "all"]) }),
  z.object({ ...ruleBase, kind: z.literal("tech_excludes"), technologies: strings }),
  z.object({ ...ruleBase, kind: z.literal("funding_stage_in"), stages: strings }),
  z.object({
    ...ruleBase,
    kind: z.literal("hiring_signals"),
    minCount: z.number().int().min(1).max(20),
    signals: z.array(requiredText("Each signal", 100)).max(100).optional(),
  }),
]);
export const icpRulesSchema = z.array(icpRuleSchema).max(50);
