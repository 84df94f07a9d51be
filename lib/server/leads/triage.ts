import "server-only";
import type { z } from "zod";
import type { disqualifyLeadSchema, nurtureLeadSchema } from "../../validation/lead";
import { canOnRecord, type Permission } from "../../permissions";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import { db } from "../db";
import { AppError, forbidden, notFound } from "../errors";
import { asJson } from "../json";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

/** Loads a lead of the user's organization for an action on it; unowned leads are open to org-wide roles only. */
export async function leadForAction(tx: Tx, user: SessionUser, leadId: string, permission: Permission) {
  const lead = await tx.lead.findFirst({ where: inOrg(user, { id: leadId }) });
  if (!lead) throw notFound("Lead");
  if (!canOnRecord(user, permission, lead.ownerId ?? "")) throw forbidden("Only the lead's owner or a manager can do that.");
  return lead;
}

export function assertOpen(lead: { status: string }): void {
  if (lead.status === "accepted") throw new AppError("CONFLICT", "This lead was already converted.");
}

/** "Not yet": park the lead until a date, with what should bring it back and the account signals seen now. */
export async function nurtureLead(user: SessionUser, input: z.infer<typeof nurtureLeadSchema>) {
  return db().$transaction(async (tx) => {
    const lead = await leadForAction(tx, user, input.leadId, "lead.triage");
    assertOpen(lead);
    const after = await tx.lead.update({
      where: { id: lead.id },
      data: {
        status: "nurturing",
        resumeOn: input.resumeOn,
        watchFor: input.watchFor,
        resurfacedAt: null,
        resurfaceReason: null,
        watchedSignals: asJson({ fundingStage: lead.fundingStage, hiringSignals: lead.hiringSignals }),
        ownerId: lead.ownerId ?? user.id,
      },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "lead",
      entityId: lead.id,
      action: "nurture",
      before: { status: lead.status },
      after: { status: after.status, resumeOn: after.resumeOn, watchFor: after.watchFor },
      reason: input.reason,
    });
    return after;
  });
}

export async function disqualifyLead(user: SessionUser, input: z.infer<typeof disqualifyLeadSchema>) {
  return db().$transaction((tx) => disqualifyLeadIn(tx, user, input));
}

/** The rule of disqualifying one lead, inside the caller's transaction (one lead, or each of a bulk selection). */
export async function disqualifyLeadIn(tx: Tx, user: SessionUser, input: z.infer<typeof disqualifyLeadSchema>) {
  const lead = await leadForAction(tx, user, input.leadId, "lead.triage");
  assertOpen(lead);
  const after = await tx.lead.update({ where: { id: lead.id }, data: { status: "disqualified", disqualifyReason: input.reason, resumeOn: null } });
  await recordAudit(tx, {
    organizationId: user.organizationId,
    actorId: user.id,
    entityType: "lead",
    entityId: lead.id,
    action: "disqualify",
    before: { status: lead.status },
    after: { status: after.status },
    reason: input.reason,
  });
  return after;
}

/** Back from nurture to the owner's inbox, keeping why it came back. */
export async function resumeLead(user: SessionUser, leadId: string) {
  return db().$transaction(async (tx) => {
    const lead = await leadForAction(tx, user, leadId, "lead.triage");
    if (lead.status !== "nurturing") throw new AppError("CONFLICT", "Only a nurtured lead can be resumed.");
    const after = await tx.lead.update({ where: { id: lead.id }, data: { status: "new", resumeOn: null } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "lead",
      entityId: lead.id,
      action: "resume",
      before: { status: lead.status },
      after: { status: "new" },
      reason: lead.resurfaceReason ?? "Resumed by hand",
    });
    return after;
  });
}
