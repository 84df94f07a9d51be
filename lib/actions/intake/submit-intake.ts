"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { domainFieldErrors } from "../../action-error";
import { AppError } from "../../server/errors";
import { submitIntake } from "../../server/intake/submit";
import { logger } from "../../server/logger";

export interface IntakeFormState {
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
}

const MAX_BODY_CHARS = 20_000;

/** The public form's adapter: no session by design; the use case holds rate limits, honeypot and validation. */
export async function submitIntakeAction(slug: string, _previous: IntakeFormState, form: FormData): Promise<IntakeFormState> {
  const body: Record<string, unknown> = {};
  const answers: Record<string, string> = {};
  const values: Record<string, string> = {};
  let size = 0;
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$")) continue;
    size += key.length + value.length;
    values[key] = value.slice(0, 2000);
    if (key.startsWith("answers.")) answers[key.slice("answers.".length)] = value;
    else body[key] = value;
  }
  if (size > MAX_BODY_CHARS) return { message: "That is more text than this form takes. Please shorten your answers.", values };
  body.answers = answers;
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown";
  try {
    await submitIntake({ slug, ip, body, now: new Date() });
  } catch (error) {
    if (error instanceof AppError) {
      const fieldErrors = domainFieldErrors(error.toClient());
      return { message: error.message, fieldErrors, values };
    }
    logger.error({ err: error }, "intake submission failed");
    return { message: "Something went wrong on our side. Nothing was saved; please try again.", values };
  }
  redirect(`/intake/${encodeURIComponent(slug)}/thanks`);
}
