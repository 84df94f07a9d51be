import "server-only";
import type { z } from "zod";
import type { logNoteSchema } from "../../validation/note";
import { recordAudit } from "../audit";
import { db } from "../db";
import { notFound } from "../errors";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

export async function logNote(user: SessionUser, input: z.infer<typeof logNoteSchema>) {
  return db().$transaction(async (tx) => {
    let accountId = input.accountId ?? null;
    if (input.opportunityId) {
      const opportunity = await tx.opportunity.findFirst({ where: inOrg(user, { id: input.opportunityId }), select: { accountId: true } });
      if (!opportunity) throw notFound("Opportunity");
      accountId = opportunity.accountId;
      // Activity, not an edit: it must not invalidate an edit form someone has open, so the version stays.
      await tx.opportunity.update({ where: { id: input.opportunityId }, data: { lastActivityAt: new Date() } });
    } else if (accountId) {
      const account = await tx.account.findFirst({ where: inOrg(user, { id: accountId }), select: { id: true } });
      if (!account) throw notFound("Account");
    }
    const note = await tx.note.create({
      data: { organizationId: user.organizationId, authorId: user.id, opportunityId: input.opportunityId ?? null, accountId, body: input.body },
    });
    await recordAudit(tx, { organizationId: user.organizationId, actorId: user.id, entityType: "note", entityId: note.id, action: "create", after: note });
    return note;
  });
}
