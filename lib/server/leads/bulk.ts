import "server-only";
import type { z } from "zod";
import type { bulkAssignLeadsSchema, bulkDisqualifyLeadsSchema } from "../../validation/bulk";
import { recordAudit } from "../audit";
import { forEachRow } from "../bulk";
import { db, type Tx } from "../db";
import type { SessionUser } from "../session";
import { assertAssignable } from "../users/assignable";
import { assertOpen, disqualifyLeadIn, leadForAction } from "./triage";

/** Giving one lead an owner: the same reach as triaging it (a rep, only their own), and never a converted lead. */
async function assignLeadIn(tx: Tx, user: SessionUser, leadId: string, ownerId: string) {
  const lead = await leadForAction(tx, user, leadId, "lead.triage");
  assertOpen(lead);
  const owner = await assertAssignable(tx, user, ownerId, "lead.view");
  if (lead.ownerId === owner.id) return;
  await tx.lead.update({ where: { id: lead.id }, data: { ownerId: owner.id, routedBy: "manual" } });
  await recordAudit(tx, {
    organizationId: user.organizationId,
    actorId: user.id,
    entityType: "lead",
    entityId: lead.id,
    action: "assign",
    before: { ownerId: lead.ownerId },
    after: { ownerId: owner.id },
  });
}

export async function bulkAssignLeads(user: SessionUser, input: z.infer<typeof bulkAssignLeadsSchema>) {
  return db().$transaction((tx) => forEachRow(input.ids, (id) => assignLeadIn(tx, user, id, input.ownerId)));
}

/** Disqualifies the selected leads for one reason, each through the single lead's rule. */
export async function bulkDisqualifyLeads(user: SessionUser, input: z.infer<typeof bulkDisqualifyLeadsSchema>) {
  return db().$transaction((tx) => forEachRow(input.ids, (id) => disqualifyLeadIn(tx, user, { leadId: id, reason: input.reason })));
}
