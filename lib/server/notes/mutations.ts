import "server-only";
import type { z } from "zod";
import type { logNoteSchema } from "../../validation/note";
import { recordAudit } from "../audit";
import { notFound } from "../errors";
import { applyEvidence } from "../qualification/evidence";
import { rescore } from "../qualification/score-history";
import { loadQualificationSettings } from "../qualification/settings";
import { assertMayActOn, inOrg } from "../scope";
import type { SessionUser } from "../session";
import { transaction } from "../transaction";

/**
 * A discovery note, and with it any evidence it gives for the deal's criteria: note, evidence, criterion
 * states, their history, the score snapshot and the audit row commit together or not at all.
 */
export async function logNote(user: SessionUser, input: z.infer<typeof logNoteSchema>) {
  const now = new Date();
  return transaction(async (tx) => {
    let accountId = input.accountId ?? null;
    const opportunity = input.opportunityId
      ? await tx.opportunity.findFirst({
          where: inOrg(user, { id: input.opportunityId }),
          select: { id: true, accountId: true, ownerId: true, pipelineId: true },
        })
      : null;
    if (input.opportunityId) {
      if (!opportunity) throw notFound("Opportunity");
      accountId = opportunity.accountId;
      if (input.evidence.length > 0) assertMayActOn(user, "qualification.record", opportunity);
    } else if (accountId) {
      const account = await tx.account.findFirst({ where: inOrg(user, { id: accountId }), select: { id: true } });
      if (!account) throw notFound("Account");
    }
    const note = await tx.note.create({
      data: {
        organizationId: user.organizationId,
        authorId: user.id,
        opportunityId: opportunity?.id ?? null,
        accountId,
        body: input.body,
        createdAt: now,
      },
    });
    if (opportunity) {
      const settings = await loadQualificationSettings(tx, user.organizationId, opportunity.pipelineId);
      if (input.evidence.length > 0)
        await applyEvidence(tx, { user, opportunity, framework: settings.framework, entries: input.evidence, noteId: note.id, now });
      await rescore(tx, user.organizationId, opportunity.id, input.evidence.length > 0 ? "evidence" : "note", now, settings);
      // Activity, not an edit: the version stays, so an open edit form is not invalidated. Written last, so the
      // deal's row lock is held only until commit, not through the re-score (parallel notes would queue on it).
      await tx.opportunity.updateMany({ where: { id: opportunity.id, lastActivityAt: { lt: now } }, data: { lastActivityAt: now } });
    }
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "note",
      entityId: note.id,
      action: "create",
      after: { ...note, evidence: input.evidence },
    });
    return note;
  });
}
