import * as z from "zod/mini";
import { LEAD_ATTRIBUTES, MAX_QUESTIONS } from "../qualification/leads";
import { accountFields } from "./account";
import { OPTIONAL_FORM_FIELDS } from "./options";
import { id, optionalDate, pipelineRef, optionalText, preprocess, requiredText } from "./fields";

/** Who the lead is and the company they come from: the account fields plus the person. */
export const leadFields = z.extend(z.omit(accountFields, { name: true }), {
  name: requiredText("Name", 120),
  email: preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim().toLowerCase() : v),
    z._default(z.nullable(z.email("Enter a valid email address.").check(z.maxLength(200))), null),
  ),
  title: optionalText("Title", 120),
  phone: optionalText("Phone", 40),
  companyName: requiredText("Company", 200),
});
type LeadFieldsInput = z.infer<typeof leadFields>;

const ANSWER_MAX = 1000;
/** question id → answer text; at most a few, each short, so a form post stays small. */
const answersSchema = z._default(
  z
    .record(z.string().check(z.maxLength(40)), z.string().check(z.maxLength(ANSWER_MAX, `Keep each answer under ${ANSWER_MAX} characters.`)))
    .check(z.refine((r) => Object.keys(r).length <= 20, "Too many answers.")),
  {},
);

export const createLeadSchema = z.extend(leadFields, { answers: answersSchema });

/** The public form: the lead's fields (email required there) plus a honeypot that people never see. */
export const intakeSubmissionSchema = z.extend(leadFields, {
  email: preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.email("Enter a valid work email.").check(z.maxLength(200))),
  answers: answersSchema,
  website: z.optional(z.string().check(z.maxLength(500))),
});

export const reasonText = (label: string) => requiredText(label, 500);

/** The day to look at a nurtured lead or deal again: required, though blank parses as "no date" first. */
export const resumeOn = optionalDate("Resume date").check(z.refine((d) => d !== null, "Pick the date to look again."));

export const nurtureLeadSchema = z.object({
  leadId: id("Lead"),
  resumeOn,
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
  resumeOn,
  watchFor: optionalText("What to watch for", 300),
});

const trimmed = (min: number, max: number, message?: string) => z.string().check(z.trim(), z.minLength(min, message), z.maxLength(max));

const choiceOption = z.object({
  value: trimmed(1, 60),
  label: trimmed(1, 120, "Every option needs a label."),
  state: z.optional(z.enum(["claimed", "negative", "unknown"])),
});

export const intakeQuestionSchema = z.object({
  id: z.string().check(z.trim(), z.regex(/^[a-z0-9_-]{1,40}$/, "Question ids are short lowercase words.")),
  label: trimmed(1, 200, "Every question needs its text."),
  help: z.optional(trimmed(0, 200)),
  required: z.boolean(),
  target: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("criterion"), criterionId: z.string().check(z.minLength(1), z.maxLength(64)) }),
    z.object({ kind: z.literal("attribute"), attribute: z.enum(LEAD_ATTRIBUTES) }),
    z.object({ kind: z.literal("none") }),
  ]),
  answer: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("choice"),
      options: z.array(choiceOption).check(z.minLength(2, "A choice needs at least two options."), z.maxLength(8)),
    }),
    z.object({ kind: z.literal("text") }),
  ]),
});

export const routingSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("round_robin") }),
  z.object({
    mode: z.literal("rules"),
    rules: z
      .array(
        z.object({
          region: z.optional(z.string().check(z.maxLength(60))),
          minEmployees: z.optional(z.number().check(z.int(), z.gte(0))),
          maxEmployees: z.optional(z.number().check(z.int(), z.gte(0))),
          ownerId: id("Owner"),
        }),
      )
      .check(z.maxLength(20)),
  }),
]);

export const intakeFormSchema = z.object({
  enabled: z.boolean(),
  title: requiredText("Title", 120),
  intro: optionalText("Introduction", 500),
  fields: z.array(z.enum(OPTIONAL_FORM_FIELDS)).check(z.maxLength(OPTIONAL_FORM_FIELDS.length)),
  questions: z.array(intakeQuestionSchema).check(
    z.maxLength(MAX_QUESTIONS, `At most ${MAX_QUESTIONS} qualifying questions.`),
    z.refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, "Question ids must be unique."),
  ),
  routing: routingSchema,
  duplicateWindowDays: z.number().check(z.int(), z.gte(1), z.lte(365)),
});
export type IntakeFormInput = z.infer<typeof intakeFormSchema>;

/** A lead's fields as stored: region and funding stage are whatever was recorded (older rows may predate a list). */
export type LeadRecordFields = Omit<LeadFieldsInput, "region" | "fundingStage"> & { region: string | null; fundingStage: string | null };
