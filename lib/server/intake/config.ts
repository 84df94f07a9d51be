import "server-only";
import * as z from "zod/mini";
import { defaultIntakeQuestions, type IntakeQuestion, type RoutingConfig } from "../../qualification/leads";
import { intakeQuestionSchema, routingSchema, type IntakeFormInput } from "../../validation/lead";
import { OPTIONAL_FORM_FIELDS } from "../../validation/options";
import type { PrismaClient, Tx } from "../db";
import type { QualificationSettings } from "../qualification/settings";

export interface IntakeConfig extends IntakeFormInput {
  /** False until marketing saves the form: defaults are shown then. */
  saved: boolean;
  questions: IntakeQuestion[];
  routing: RoutingConfig;
}

const DEFAULT_FORM_FIELDS: IntakeFormInput["fields"] = ["title", "domain", "employeeCount", "industry", "region"];

function defaultIntakeConfig(settings: QualificationSettings): IntakeConfig {
  return {
    saved: false,
    enabled: true,
    title: "Talk to our team",
    intro: "Tell us a little about your team and we'll get back to you within one business day.",
    fields: DEFAULT_FORM_FIELDS,
    questions: defaultIntakeQuestions(settings.framework),
    routing: { mode: "round_robin" },
    duplicateWindowDays: 30,
  };
}

/** The organization's form as stored (unreadable parts fall back to defaults), or the defaults. */
export async function loadIntakeConfig(client: PrismaClient | Tx, organizationId: string, settings: QualificationSettings): Promise<IntakeConfig> {
  const row = await client.intakeForm.findUnique({ where: { organizationId } });
  const defaults = defaultIntakeConfig(settings);
  // A row created only to hold the round-robin cursor has no questions yet: still the defaults.
  if (!row || !Array.isArray(row.questions)) return defaults;
  const questions = z.array(intakeQuestionSchema).safeParse(row.questions);
  const routing = routingSchema.safeParse(row.routing);
  return {
    saved: true,
    enabled: row.enabled,
    title: row.title,
    intro: row.intro,
    fields: row.fields.filter((f): f is IntakeFormInput["fields"][number] => (OPTIONAL_FORM_FIELDS as readonly string[]).includes(f)),
    questions: questions.success ? questions.data : defaults.questions,
    routing: routing.success ? routing.data : defaults.routing,
    duplicateWindowDays: row.duplicateWindowDays,
  };
}
