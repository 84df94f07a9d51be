import * as z from "zod/mini";
import { STAKEHOLDER_ROLES } from "./options";
import { day, id, INT4_MAX, int4, multilineText, optionalDate, optionalText, preprocess, requiredText } from "./fields";

const blankToNullContact = preprocess((v) => (v === "" ? null : v), z._default(z.nullable(id("Contact")), null));

/** What one piece of evidence in a discovery note says about a criterion. */
export const evidenceEntrySchema = z.object({
  criterionId: z
    .string({ error: "Pick a criterion." })
    .check(z.minLength(1, "Pick a criterion."), z.maxLength(64, "Pick a criterion."), z.regex(/^[A-Za-z0-9_-]+$/, "Pick a criterion.")),
  state: z.enum(["claimed", "verified", "negative"], { error: "Pick claimed, verified or negative." }),
  excerpt: multilineText("Excerpt", { min: 1, max: 1000, required: "Quote or summarise what backs this criterion." }),
  contactId: blankToNullContact,
  /** A reference anyone can check: the signed MAP, the security review, a link. */
  documentRef: optionalText("Document or link", 500),
});

export const criterionUpdateSchema = z.discriminatedUnion("op", [
  /** verify: back the claim with proof (a fitting contact's words, a document); the server refuses a bare click. */
  z.object({
    opportunityId: id("Opportunity"),
    criterionId: id("Criterion"),
    op: z.literal("verify"),
    contactId: blankToNullContact,
    documentRef: optionalText("Document or link", 500),
    excerpt: optionalText("What they said", 1000),
  }),
  /** reset: back to unknown (e.g. the champion left). */
  z.object({
    opportunityId: id("Opportunity"),
    criterionId: id("Criterion"),
    op: z.literal("reset"),
    reason: z.optional(multilineText("Reason", { max: 500 })),
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
      .check(z.trim(), z.minLength(5, "Say what is wrong with the evidence (at least 5 characters)."), z.maxLength(1000)),
  }),
]);

export const addStakeholderSchema = z.object({
  opportunityId: id("Opportunity"),
  contactId: id("Contact"),
  role: z.enum(STAKEHOLDER_ROLES, { error: "Pick a buying role." }),
});

const ENGAGEMENT_CHANNELS = ["meeting", "call", "email_reply"] as const;

/** The day a manager override stops applying (end of day, UTC); the server bounds it to the organization's override window. */
const overrideExpiry = z.pipe(
  day("Override expiry", "Pick the date the override expires."),
  z.transform((v: string) => new Date(`${v}T23:59:59Z`)),
);

/** The day something happened: a real date, today or earlier (the server checks "not in the future" against its clock). */
const happenedOn = (label: string) => z.pipe(optionalDate(label), z.date({ error: `${label} is required.` }));

const summary = (required: string, short: string, min: number) =>
  z.string({ error: required }).check(z.trim(), z.minLength(min, short), z.maxLength(500));

export const updateStakeholderSchema = z.discriminatedUnion("op", [
  /** Engagement is an activity: what happened, how, and the day it happened. */
  z.object({
    stakeholderId: id("Stakeholder"),
    op: z.literal("engaged"),
    channel: z.enum(ENGAGEMENT_CHANNELS, { error: "Pick meeting, call or email reply." }),
    happenedOn: happenedOn("The day it happened"),
    summary: summary("Say what happened.", "Say what happened.", 3),
  }),
  /** The test the champion passed: what they did for us, and when. */
  z.object({
    stakeholderId: id("Stakeholder"),
    op: z.literal("champion_tested"),
    happenedOn: happenedOn("The day of the test"),
    summary: summary("Describe the test.", "Describe the test the champion passed.", 5),
  }),
  z.object({ stakeholderId: id("Stakeholder"), op: z.enum(["champion_untested", "remove"]) }),
]);

/** Blank form fields mean "no override". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A manager's exception to a stage gate: why, and until when it applies. Both or neither (see `overrideBothOrNeither`). */
export const gateOverrideFields = {
  overrideReason: preprocess(
    blankToUndefined,
    z.optional(multilineText("Reason", { min: 10, max: 1000, required: "Explain the exception in at least 10 characters." })),
  ),
  /** A real day; the server bounds it to the organization's override window. Applies to the end of that day (UTC). */
  overrideExpiresOn: preprocess(blankToUndefined, z.optional(overrideExpiry)),
};

export const overrideBothOrNeither = z.superRefine(
  (v: { overrideReason?: string | undefined; overrideExpiresOn?: Date | undefined }, ctx: z.core.$RefinementCtx) => {
    if (v.overrideReason !== undefined && v.overrideExpiresOn === undefined)
      ctx.addIssue({ code: "custom", path: ["overrideExpiresOn"], message: "Pick the date the override expires." });
    if (v.overrideExpiresOn !== undefined && v.overrideReason === undefined)
      ctx.addIssue({ code: "custom", path: ["overrideReason"], message: "Explain the exception." });
  },
);

export const advanceStageSchema = z
  .object({
    opportunityId: id("Opportunity"),
    toStage: id("Stage"),
    version: int4("Version", 1),
    ...gateOverrideFields,
  })
  .check(overrideBothOrNeither);

/** How long a manager override may run, per organization. */
export const overrideWindowSchema = z.object({
  overrideMaxDays: z.coerce
    .number({ error: "Enter a number of days." })
    .check(z.int("Enter a whole number of days."), z.gte(1, "At least 1 day."), z.lte(365, "At most 365 days.")),
});

// ── JSON stored in settings rows; parsed again on read so a bad row fails loudly, not silently. ──

const intIn = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));

export const gateRequirementSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("criterion"),
    criterionId: id("Criterion"),
    atLeast: z.enum(["claimed", "verified"]),
    basis: z.optional(z.enum(["stated", "confirmed"])),
  }),
  z.object({ kind: z.literal("min_fit"), score: intIn(0, 100) }),
  z.object({ kind: z.literal("min_intent"), score: intIn(0, 100) }),
  z.object({ kind: z.literal("stakeholder"), role: z.enum(STAKEHOLDER_ROLES), engagedWithinDays: z.optional(intIn(1, 365)) }),
  z.object({ kind: z.literal("champion_tested") }),
]);
export const gateRequirementsSchema = z.array(gateRequirementSchema).check(z.maxLength(30));

const strings = z.array(requiredText("Each value", 100)).check(z.minLength(1, "List at least one value."), z.maxLength(100));
/** A whole number in [min, max] whose every refusal says `message`, as the ICP editor shows it beside the field. */
const wholeIn = (min: number, max: number, message: string) =>
  z.number({ error: message }).check(z.int(message), z.gte(min, message), z.lte(max, message));
const WEIGHT = "Weight must be a number from 0 to 100.";
const EMPLOYEES = "Enter a whole number of employees, or leave it blank.";
const ruleBase = {
  id: requiredText("Rule id", 64),
  label: requiredText("Name", 120),
  weight: z.number({ error: WEIGHT }).check(z.gte(0, WEIGHT), z.lte(100, WEIGHT)),
  knockout: z.boolean(),
};

export const icpRuleSchema = z.discriminatedUnion("kind", [
  z.object({ ...ruleBase, kind: z.literal("industry_in"), industries: strings }),
  z.object({
    ...ruleBase,
    kind: z.literal("employee_range"),
    min: z.optional(wholeIn(0, INT4_MAX, EMPLOYEES)),
    max: z.optional(wholeIn(0, INT4_MAX, EMPLOYEES)),
  }),
  z.object({ ...ruleBase, kind: z.literal("region_in"), regions: strings }),
  z.object({ ...ruleBase, kind: z.literal("country_in"), countries: strings }),
  z.object({ ...ruleBase, kind: z.literal("tech_includes"), technologies: strings, mode: z.enum(["any", "all"]) }),
  z.object({ ...ruleBase, kind: z.literal("tech_excludes"), technologies: strings }),
  z.object({ ...ruleBase, kind: z.literal("funding_stage_in"), stages: strings }),
  z.object({
    ...ruleBase,
    kind: z.literal("hiring_signals"),
    minCount: wholeIn(1, 20, "Enter a whole number from 1 to 20."),
    signals: z.optional(z.array(requiredText("Each signal", 100)).check(z.maxLength(100))),
  }),
]);
export const icpRulesSchema = z.array(icpRuleSchema).check(z.maxLength(50));
