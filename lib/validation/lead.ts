import { z } from "zod";
import { LEAD_ATTRIBUTES, MAX_QUESTIONS } from "../qualification/leads";
import { accountFields } from "./account";
import { id, optionalDate, pipelineRef, optionalText, requiredText } from "./fields";

/** Who the lead is and the company they come from: the account fields plus the person. */
export const leadFields = accountFields.omit({ name: true }).extend({
  name: requiredText("Name", 120),
  email: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim().toLowerCase() : v),
    z.email("Enter a valid email address.").max(200).nullable().default(null),
  ),
  title: optionalText("Title", 120),
  phone: optionalText("Phone", 40),
  companyName: requiredText("Company", 200),
});
type LeadFieldsInput = z.infer<typeof leadFields>;

const ANSWER_MAX = 1000;
/** question id → answer text; at most a few, each short, so a form post stays small. */
const answersSchema = z
  .record(z.string().max(40), z.string().max(ANSWER_MAX, `Keep each answer under ${ANSWER_MAX} characters.`))
  .refine((r) => Object.keys(r).length <= 20, "Too many answers.")
  .default({});

export const createLeadSchema = leadFields.extend({ answers: answersSchema });

/** The public form: the lead's fields (email required there) plus a honeypot that people never see. */
export const intakeSubmissionSchema = leadFields.extend({
  email: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.email("Enter a valid work email.").max(200)),
  answers: answersSchema,
  website: z.string().max(500).optional(),
});

export const reasonText = (label: string) => requiredText(label, 500);

export const nurtureLeadSchema = z.object({
  leadId: id("Lead"),
  resumeOn: optionalDate("Resume date").refine((d) => d !== null, "Pick the date to look again."),
  watchFor: optionalText("What to watch for", 300),
  reason: reasonText("Reason"),
});

export const disqualifyLeadSchema = z.object({ leadId: id("Lead"), reason: reasonText("Reason") });

export const convertLeadSchema = z.object({
  leadId: id("Lead"),
  opportunityName: optionalText("Deal name", 200),
  /** The pipeline the deal opens in (the organization's first pipeline when none is chosen). */
  pipelineId: pipelineRef,
  /** A manager converting despite a failed ICP knockout says why; the reason is audited. */
  overrideReason: optionalText("Override reason", 500),
});

export const resumeSchema = z.object({ id: id("Record") });

export const dealNurtureSchema = z.object({
  opportunityId: id("Opportunity"),
  resumeOn: optionalDate("Resume date").refine((d) => d !== null, "Pick the date to look again."),
  watchFor: optionalText("What to watch for", 300),
});

const choiceOption = z.object({
  value: z.string().trim().min(1).max(60),
  label: z.string().trim().min(1, "Every option needs a label.").max(120),
  state: z.enum(["claimed", "negative", "unknown"]).optional(),
});

export const intakeQuestionSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,40}$/, "Question ids are short lowercase words."),
  label: z.string().trim().min(1, "Every question needs its text.").max(200),
  help: z.string().trim().max(200).optional(),
  required: z.boolean(),
  target: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("criterion"), criterionId: z.string().min(1).max(64) }),
    z.object({ kind: z.literal("attribute"), attribute: z.enum(LEAD_ATTRIBUTES) }),
    z.object({ kind: z.literal("none") }),
  ]),
  answer: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("choice"), options: z.array(choiceOption).min(2, "A choice needs at least two options.").max(8) }),
    z.object({ kind: z.literal("text") }),
  ]),
});

export const OPTIONAL_FORM_FIELDS = ["title", "phone", "domain", "employeeCount", "industry", "region", "country", "fundingStage"] as const;

export const routingSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("round_robin") }),
  z.object({
    mode: z.literal("rules"),
    rules: z
      .array(
        z.object({
          region: z.string().max(60).optional(),
          minEmployees: z.number().int().min(0).optional(),
          maxEmployees: z.number().int().min(0).optional(),
          ownerId: id("Owner"),
        }),
      )
      .max(20),
  }),
]);

export const intakeFormSchema = z.object({
  enabled: z.boolean(),
  title: requiredText("Title", 120),
  intro: optionalText("Introduction", 500),
  fields: z.array(z.enum(OPTIONAL_FORM_FIELDS)).max(OPTIONAL_FORM_FIELDS.length),
  questions: z
    .array(intakeQuestionSchema)
    .max(MAX_QUESTIONS, `At most ${MAX_QUESTIONS} qualifying questions.`)
    .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, "Question ids must be unique."),
  routing: routingSchema,
  duplicateWindowDays: z.number().int().min(1).max(365),
});
export type IntakeFormInput = z.infer<typeof intakeFormSchema>;

/** A lead's fields as stored: region and funding stage are whatever was recorded (older rows may predate a list). */
export type LeadRecordFields = Omit<LeadFieldsInput, "region" | "fundingStage"> & { region: string | null; fundingStage: string | null };
