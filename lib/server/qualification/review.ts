import "server-only";
import type { z } from "zod";
import { basisRank } from "../../qualification";
import { can } from "../../permissions";
import type { reviewEvidenceSchema } from "../../validation/qualification";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, forbidden, notFound } from "../errors";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";
import { setCriterionState } from "./criterion-state";
import { rescore } from "./score-history";
import { loadQualificationSettings } from "./settings";

/**
 * A manager's review of a verification that rests on the rep's record. Accept: the basis becomes "reviewed by
 * <manager>". Challenge: the criterion drops back to claimed, the evidence no longer counts, the rep finds the
 * reason on the deal, and the gate re-checks with the next score.
 */
export async function reviewEvidence(user: SessionUser, input: z.infer<typeof reviewEvidenceSchema>) {
  if (!can(user.role, "evidence.review")) throw forbidden("Only a manager can review evidence.");
  const now = new Date();
  return db().$transaction(async (tx) => {
    const opportunity = await tx.opportunity.findFirst({ where: inOrg(user, { id: input.opportunityId }), select: { id: true, pipelineId: true } });
    if (!opportunity) throw notFound("Opportunity");
    const { framework } = await loadQualificationSettings(tx, user.organizationId, opportunity.pipelineId);
    const criterion = framework.criteria.find((c) => c.id === input.criterionId);
    if (!criterion) throw new AppError("INVALID", `"${input.criterionId}" is not a criterion of ${framework.name}.`);
    const state = await tx.criterionState.findUnique({
      where: { opportunityId_criterionId: { opportunityId: opportunity.id, criterionId: criterion.id } },
    });
    const pending = await tx.evidence.findMany({
      where: { opportunityId: opportunity.id, criterionId: criterion.id, state: "verified", challengedAt: null },
      orderBy: { capturedAt: "desc" },
    });
    const weak = pending.filter((e) => basisRank(e.basis) < 2);
    if (state?.state !== "verified" || weak.length === 0)
      throw new AppError("CONFLICT", `${criterion.label} has no verification waiting for review (someone may have reviewed it already).`);
    const latest = weak[0]!;

    if (input.op === "accept") {
      await tx.evidence.update({ where: { id: latest.id }, data: { basis: "manager_reviewed", reviewedById: user.id, reviewedAt: now } });
      await tx.criterionChange.create({
        data: {
          organizationId: user.organizationId,
          opportunityId: opportunity.id,
          criterionId: criterion.id,
          fromState: "verified",
          toState: "verified",
          actorId: user.id,
          evidenceId: latest.id,
          reason: `Evidence reviewed and accepted by ${user.name}`,
          at: now,
        },
      });
    } else {
      if (!(await setCriterionState(tx, { user, opportunityId: opportunity.id, criterionId: criterion.id, from: "verified", to: "claimed" }))) {
        throw new AppError("CONFLICT", `${criterion.label} was changed a moment ago. Reload to see it.`);
      }
      await tx.evidence.updateMany({
        where: { id: { in: weak.map((e) => e.id) } },
        data: { challengedById: user.id, challengedAt: now, challengeReason: input.reason },
      });
      await tx.criterionChange.create({
        data: {
          organizationId: user.organizationId,
          opportunityId: opportunity.id,
          criterionId: criterion.id,
          fromState: "verified",
          toState: "claimed",
          actorId: user.id,
          evidenceId: latest.id,
          reason: `Challenged by ${user.name}: ${input.reason}`,
          at: now,
        },
      });
      await tx.note.create({
        data: {
          organizationId: user.organizationId,
          authorId: user.id,
          opportunityId: opportunity.id,
          body: `Evidence challenged (${criterion.label}): ${input.reason}`,
          createdAt: now,
        },
      });
    }
    await rescore(tx, user.organizationId, opportunity.id, `evidence_${input.op}`, now);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "evidence",
      entityId: latest.id,
      action: input.op,
      before: { criterionId: criterion.id, basis: latest.basis, state: "verified" },
      after: { criterionId: criterion.id, state: input.op === "accept" ? "verified" : "claimed" },
      reason: input.op === "challenge" ? input.reason : null,
    });
    return { id: opportunity.id };
  });
}
