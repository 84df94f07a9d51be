import "server-only";
import type { LeadAnswer } from "../../qualification/leads";
import type { LeadRecordFields } from "../../validation/lead";
import { recordAudit } from "../audit";
import { newId } from "../bulk-insert";
import type { Tx } from "../db";
import type { IntakeConfig } from "../intake/config";
import { asJson } from "../json";
import type { QualificationSettings } from "../qualification/settings";
import { currentApiKeyId } from "../request-context";
import { emitEvents } from "../webhooks/emit";
import { insertLeadsWithAudit, type LeadInsertRow } from "./insert-leads";
import { routeLeads } from "./routing";
import { leadScoreColumns } from "./scoring";

type LeadSourceValue = "intake_form" | "import" | "manual" | "api";

export interface NewLead {
  fields: LeadRecordFields;
  answers: LeadAnswer[];
  /** Set when the creator takes the lead themselves (a rep entering it by hand). */
  ownerId?: string | null;
  /**
   * The engine's score for these fields and answers, when the caller already computed it with the same settings
   * and clock (an import scores the next batch while the previous one is being written).
   */
  scored?: ReturnType<typeof leadScoreColumns>;
}

export interface WriteContext {
  organizationId: string;
  actorId: string | null;
  source: LeadSourceValue;
  settings: QualificationSettings;
  routing: IntakeConfig["routing"];
  now: Date;
  importJobId?: string;
}

/**
 * Scores, routes and inserts leads in the caller's transaction: pursue and not-yet leads get an owner (the
 * routing rule or the round robin), not-a-fit ones stay unassigned and disqualified with the engine's reason.
 * Every writer of new leads (the form, imports, the UI, the API) comes through here, so this is also the one
 * place `lead.created` and `lead.routed` are emitted.
 */
export async function writeLeads(tx: Tx, ctx: WriteContext, leads: NewLead[]) {
  const scored = leads.map((lead) => ({ lead, ...(lead.scored ?? leadScoreColumns(lead.fields, lead.answers, ctx.settings, ctx.now)) }));
  const toRoute = scored.filter((s) => s.status !== "disqualified" && !s.lead.ownerId);
  const routes = await routeLeads(
    tx,
    ctx.organizationId,
    ctx.routing,
    toRoute.map((s) => s.lead.fields),
  );
  const routeOf = new Map(toRoute.map((s, i) => [s, routes[i]]));
  const data = scored.map((s): LeadInsertRow => {
    const route = routeOf.get(s);
    const ownerId = s.lead.ownerId ?? route?.ownerId ?? null;
    return {
      id: newId(),
      organizationId: ctx.organizationId,
      source: ctx.source,
      status: s.status,
      ...s.lead.fields,
      ...s.columns,
      answers: s.lead.answers,
      watchedSignals: s.columns.watchedSignals ?? null,
      submissions: 1,
      ownerId,
      routedBy: s.lead.ownerId ? "creator" : (route?.by ?? null),
      importJobId: ctx.importJobId ?? null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
  });
  await insertLeadsWithAudit(tx, data, { ids: data.map(() => newId()), actorId: ctx.actorId, apiKeyId: currentApiKeyId() });
  await emitEvents(
    tx,
    ctx.organizationId,
    "lead.created",
    data.map((lead) => ({
      leadId: lead.id,
      source: lead.source,
      status: lead.status,
      verdict: lead.verdict,
      fit: lead.fit,
      intent: lead.intent,
      companyName: lead.companyName,
      importJobId: lead.importJobId,
    })),
  );
  await emitEvents(
    tx,
    ctx.organizationId,
    "lead.routed",
    data.flatMap((lead) => (lead.ownerId ? [{ leadId: lead.id, ownerId: lead.ownerId, routedBy: lead.routedBy, verdict: lead.verdict }] : [])),
  );
  return data.map((lead) => ({ id: lead.id, status: lead.status, verdict: lead.verdict, ownerId: lead.ownerId, fit: lead.fit }));
}

/** Folds a repeated submission into the open lead it duplicates: newer answers win, empty fields are filled, re-scored. */
export async function mergeIntoLead(tx: Tx, ctx: WriteContext, leadId: string, incoming: NewLead, by: string) {
  const existing = await tx.lead.findFirstOrThrow({ where: { id: leadId, organizationId: ctx.organizationId } });
  const previous = Array.isArray(existing.answers) ? (existing.answers as unknown as LeadAnswer[]) : [];
  const answers = [...previous.filter((a) => !incoming.answers.some((n) => n.questionId === a.questionId)), ...incoming.answers];
  const f = incoming.fields;
  const fields: LeadRecordFields = {
    name: existing.name,
    email: existing.email ?? f.email,
    title: existing.title ?? f.title,
    phone: existing.phone ?? f.phone,
    companyName: existing.companyName,
    domain: existing.domain ?? f.domain,
    industry: existing.industry ?? f.industry,
    employeeCount: existing.employeeCount ?? f.employeeCount,
    country: existing.country ?? f.country,
    region: existing.region ?? f.region,
    fundingStage: existing.fundingStage ?? f.fundingStage,
    techStack: existing.techStack.length > 0 ? existing.techStack : f.techStack,
    hiringSignals: existing.hiringSignals.length > 0 ? existing.hiringSignals : f.hiringSignals,
  };
  const { columns, status } = leadScoreColumns(fields, answers, ctx.settings, ctx.now);
  // A decision someone already made (nurture by hand) is kept; the engine's new verdict is stored beside it.
  const nextStatus = existing.status === "new" ? status : existing.status;
  const after = await tx.lead.update({
    where: { id: leadId },
    data: { ...fields, ...columns, answers: asJson(answers), status: nextStatus, submissions: { increment: 1 } },
  });
  await recordAudit(tx, {
    organizationId: ctx.organizationId,
    actorId: ctx.actorId,
    entityType: "lead",
    entityId: leadId,
    action: "merge_submission",
    before: { fit: existing.fit, verdict: existing.verdict, status: existing.status },
    after: { fit: after.fit, verdict: after.verdict, status: after.status },
    reason: `Same ${by} within the duplicate window`,
  });
  return after;
}
