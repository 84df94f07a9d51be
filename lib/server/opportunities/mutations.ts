import "server-only";
import type { z } from "zod";
import type { createOpportunitySchema, updateOpportunitySchema } from "../../validation/opportunity";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, notFound, staleWrite } from "../errors";
import { firstStageOf } from "../pipeline/organization-pipeline";
import { rescore } from "../qualification/score-history";
import { assertMayActOn, inOrg } from "../scope";
import type { SessionUser } from "../session";
import { assertAssignable } from "../users/assignable";

export async function createOpportunity(user: SessionUser, input: z.infer<typeof createOpportunitySchema>) {
  return db().$transaction(async (tx) => {
    const account = await tx.account.findFirst({ where: inOrg(user, { id: input.accountId }), select: { id: true } });
    if (!account) throw notFound("Account");
    const { pipelineId, ...fields } = input;
    const start = await firstStageOf(tx, user.organizationId, pipelineId ?? null);
    const opportunity = await tx.opportunity.create({
      data: { ...fields, originalCloseDate: input.expectedCloseDate, ...start, organizationId: user.organizationId, ownerId: user.id },
    });
    await rescore(tx, user.organizationId, opportunity.id, "created");
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "opportunity",
      entityId: opportunity.id,
      action: "create",
      after: opportunity,
    });
    return opportunity;
  });
}

/**
 * Saves only if nobody saved since the form (or the inline editor) was loaded: the write is conditional on the
 * version the user saw, and bumps it. A stale edit gets a CONFLICT instead of silently overwriting someone's change.
 * Fields left out of the input stay as they are, so an inline edit of one field is the same use case as the form.
 */
export async function updateOpportunity(user: SessionUser, input: z.infer<typeof updateOpportunitySchema>) {
  const { id, version, ownerId, nextStepDueOn, ...fields } = input;
  return db().$transaction(async (tx) => {
    const before = await tx.opportunity.findFirst({ where: inOrg(user, { id }) });
    if (!before) throw notFound("Opportunity");
    assertMayActOn(user, "opportunity.update", before);
    if (fields.pipelineId !== undefined && fields.pipelineId !== before.pipelineId) {
      throw new AppError("INVALID", "A deal changes pipeline through Move to another pipeline (managers), which checks the new pipeline's gates.", {
        fieldErrors: { pipelineId: ["Use Move to another pipeline."] },
      });
    }
    if (fields.accountId !== undefined) {
      const account = await tx.account.findFirst({ where: inOrg(user, { id: fields.accountId }), select: { id: true } });
      if (!account) throw notFound("Account");
    }
    // The same rule as the bulk reassign: whoever may update the deal may hand it on (a rep, only their own),
    // to an active colleague who may work deals.
    if (ownerId !== undefined && ownerId !== before.ownerId) await assertAssignable(tx, user, ownerId, "opportunity.update");
    if (nextStepDueOn !== undefined && before.nextStep === null) {
      throw new AppError("INVALID", "This deal has no next step to date.", { fieldErrors: { nextStepDueOn: ["Set a next step first."] } });
    }
    const { count } = await tx.opportunity.updateMany({
      where: { id, organizationId: user.organizationId, version },
      data: {
        ...fields,
        ownerId,
        nextStepDueOn,
        // The first committed close date is kept, so a later move of the date shows as a slip.
        originalCloseDate: before.originalCloseDate ?? fields.expectedCloseDate,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw staleWrite("opportunity");
    const after = await tx.opportunity.findUniqueOrThrow({ where: { id } });
    await rescore(tx, user.organizationId, id, "deal_updated");
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "opportunity",
      entityId: id,
      action: "update",
      before,
      after,
    });
    return after;
  });
}
