import { z } from "zod";
import { id } from "./fields";

export const EVIDENCE_STATES = ["unknown", "claimed", "verified", "negative"] as const;
export const STAKEHOLDER_ROLES = ["economic_buyer", "champion", "decision_maker", "influencer", "blocker", "user", "procurement"] as const;
export const FRAMEWORK_KEYS = ["meddpicc", "meddicc", "bant", "spiced", "champ", "custom"] as const;

/** What one piece of evidence in a discovery note says about a criterion. */
export const evidenceEntrySchema = z.object({
  criterionId: z.string().min(1, "Pick a criterion.").max(64),
  state: z.enum(["claimed", "verified", "negative"], { error: "Pick claimed, verified or negative." }),
  excerpt: z.string().trim().min(1, "Quote or summarise what backs this criterion.").max(1000, "Keep the excerpt under 1,000 characters."),
  contactId: z.preprocess((v) => (v === "" ? null : v), id("Contact").nullable().default(null)),
});

export const criterionUpdateSchema = z.object({
  opportunityId: id("Opportunity"),
  criterionId: z.string().min(1).max(64),
  /** verify: confirm the latest claimed evidence; reset: back to unknown (e.g. the champion left). */
  op: z.enum(["verify", "reset"]),
  reason: z.string().trim().max(500).optional(),
});

export const addStakeholderSchema = z.object({
  opportunityId: id("Opportunity"),
  contactId: id("Contact"),
  role: z.enum(STAKEHOLDER_ROLES, { error: "Pick a buying role." }),
});

export const updateStakeholderSchema = z.object({
  stakeholderId: id("Stakeholder"),
  op: z.enum(["engaged", "champion_tested", "champion_untested", "remove"]),
});

/** A future day on which a manager override stops applying; at most a quarter out, so exceptions get re-examined. */
const overrideExpiry = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Pick the date the override expires.")
  .transform((v) => new Date(`${v}T23:59:59Z`));

/** Blank form fields mean "no override". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const advanceStageSchema = z
  .object({
    opportunityId: id("Opportunity"),
    toStage: z.string().min(1, "Pick a stage.").max(64),
    version: z.coerce.number().int().min(1),
    /** A manager's exception: why, and until when it applies. Both or neither. */
    overrideReason: z.preprocess(blankToUndefined, z.string().trim().min(10, "Explain the exception in at least 10 characters.").max(1000).optional()),
    overrideExpiresOn: z.preprocess(blankToUndefined, overrideExpiry.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.overrideReason !== undefined && v.overrideExpiresOn === undefined) ctx.addIssue({ code: "custom", path: ["overrideExpiresOn"], message: "Pick the date the override expires." });
    if (v.overrideExpiresOn !== undefined && v.overrideReason === undefined) ctx.addIssue({ code: "custom", path: ["overrideReason"], message: "Explain the exception." });
  });

// ── JSON stored in settings rows; parsed again on read so a bad row fails loudly, not silently. ──

export const gateRequirementSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("criterion"), criterionId: z.string().min(1), atLeast: z.enum(["claimed", "verified"]) }),
  z.object({ kind: z.literal("min_fit"), score: z.number().int().min(0).max(100) }),
  z.object({ kind: z.literal("min_intent"), score: z.number().int().min(0).max(100) }),
  z.object({ kind: z.literal("stakeholder"), role: z.enum(STAKEHOLDER_ROLES), engagedWithinDays: z.number().int().min(1).max(365).optional() }),
  z.object({ kind: z.literal("champion_tested") }),
]);
export const gateRequirementsSchema = z.array(gateRequirementSchema).max(30);

const strings = z.array(z.string().trim().min(1).max(100)).min(1, "List at least one value.").max(100);
const ruleBase = { id: z.string().min(1).max(64), label: z.string().trim().min(1).max(120), weight: z.number().min(0).max(100), knockout: z.boolean() };

export const icpRuleSchema = z.discriminatedUnion("kind", [
  z.object({ ...ruleBase, kind: z.literal("industry_in"), industries: strings }),
  z.object({ ...ruleBase, kind: z.literal("employee_range"), min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }),
  z.object({ ...ruleBase, kind: z.literal("region_in"), regions: strings }),
  z.object({ ...ruleBase, kind: z.literal("country_in"), countries: strings }),
  z.object({ ...ruleBase, kind: z.literal("tech_includes"), technologies: strings, mode: z.enum(["any", "all"]) }),
  z.object({ ...ruleBase, kind: z.literal("tech_excludes"), technologies: strings }),
  z.object({ ...ruleBase, kind: z.literal("funding_stage_in"), stages: strings }),
  z.object({ ...ruleBase, kind: z.literal("hiring_signals"), minCount: z.number().int().min(1).max(20), signals: z.array(z.string().trim().min(1)).optional() }),
]);
export const icpRulesSchema = z.array(icpRuleSchema).max(50);
