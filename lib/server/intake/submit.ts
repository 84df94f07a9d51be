import "server-only";
import { z } from "zod";
import { companyDomain, findDuplicate, toLeadAnswers } from "../../qualification/leads";
import { intakeSubmissionSchema } from "../../validation/lead";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { mergeIntoLead, writeLeads, type WriteContext } from "../leads/write";
import { loadQualificationSettings } from "../qualification/settings";
import { loadIntakeConfig, type IntakeConfig } from "./config";
import { hit } from "../rate-limit";
import { INTAKE_LIMITS, ipKey } from "./rate-limit";

export interface IntakeRequest {
  slug: string;
  ip: string;
  body: Record<string, unknown>;
  now: Date;
}

/** What the visitor learns: that it worked. Never the score, the verdict or who got the lead. */
export interface IntakeReceipt {
  organizationName: string;
}

export async function publicIntakeForm(slug: string): Promise<{ organizationName: string; config: IntakeConfig } | null> {
  const org = await db().organization.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!org) return null;
  const config = await loadIntakeConfig(db(), org.id, await loadQualificationSettings(db(), org.id, null));
  return config.enabled ? { organizationName: org.name, config } : null;
}

function requiredAnswerErrors(config: IntakeConfig, answers: Record<string, string>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const q of config.questions) {
    const value = (answers[q.id] ?? "").trim();
    if (q.required && value === "") errors[`answers.${q.id}`] = ["Please answer this question."];
    else if (value !== "" && q.answer.kind === "choice" && !q.answer.options.some((o) => o.value === value))
      errors[`answers.${q.id}`] = ["Choose one of the options."];
  }
  return errors;
}

/**
 * The public form's one door: rate limits (per address and per form, counted in PostgreSQL), the honeypot,
 * validation, then in one transaction either a new scored and routed lead or a merge into its duplicate.
 */
export async function submitIntake(request: IntakeRequest): Promise<IntakeReceipt> {
  const org = await db().organization.findUnique({ where: { slug: request.slug }, select: { id: true, name: true } });
  if (!org) throw notFound("Form");
  const settings = await loadQualificationSettings(db(), org.id, null);
  const config = await loadIntakeConfig(db(), org.id, settings);
  if (!config.enabled) throw notFound("Form");

  const limited = await hit(
    db(),
    [
      { key: `intake:ip:${org.id}:${ipKey(request.ip)}`, ...INTAKE_LIMITS.perIp },
      { key: `intake:form:${org.id}`, ...INTAKE_LIMITS.perForm },
    ],
    request.now,
  );
  if (limited) throw new AppError("RATE_LIMITED", "Too many submissions from here just now. Please try again in a few minutes.");

  // Bots fill every field; people never see this one. Pretend it worked and keep nothing.
  const honeypot = request.body.website;
  if (typeof honeypot === "string" && honeypot.trim() !== "") return { organizationName: org.name };

  const parsed = intakeSubmissionSchema.safeParse(request.body);
  const answerErrors = requiredAnswerErrors(config, parsed.success ? parsed.data.answers : {});
  if (!parsed.success || Object.keys(answerErrors).length > 0) {
    const fieldErrors = { ...(parsed.success ? {} : z.flattenError(parsed.error).fieldErrors), ...answerErrors };
    throw new AppError("INVALID", "Please check the highlighted fields.", { fieldErrors });
  }
  const { answers: raw, website: _, ...fields } = parsed.data;
  const lead = { fields, answers: toLeadAnswers(config.questions, raw) };
  const ctx: WriteContext = { organizationId: org.id, actorId: null, source: "intake_form", settings, routing: config.routing, now: request.now };

  await db().$transaction(async (tx) => {
    const domain = companyDomain(fields);
    const since = new Date(request.now.getTime() - config.duplicateWindowDays * 86_400_000);
    const candidates = await tx.lead.findMany({
      where: {
        organizationId: org.id,
        createdAt: { gte: since },
        status: { in: ["new", "nurturing"] },
        OR: [{ email: fields.email }, ...(domain ? [{ domain }, { email: { endsWith: `@${domain}` } }] : [])],
      },
      select: { id: true, email: true, domain: true, createdAt: true },
      take: 50,
    });
    const match = findDuplicate(
      fields,
      candidates.map((c) => ({ ...c, open: true })),
      config.duplicateWindowDays,
      request.now,
    );
    if (match) await mergeIntoLead(tx, ctx, match.leadId, lead, match.by);
    else await writeLeads(tx, ctx, [lead]);
  });
  return { organizationName: org.name };
}
