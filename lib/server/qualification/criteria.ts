import "server-only";
import type { z } from "zod";
import type { criterionUpdateSchema } from "../../validation/qualification";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { assertMayActOn, inOrg } from "../scope";
import type { SessionUser } from "../session";
import { rescore } from "./score-history";
import { loadQualificationSettings } from "./settings";

/** Verify a claimed criterion (its latest evidence gets a verifier), or reset it to unknown. */
export async function updateCriterion(user: SessionUser, input: z.infer<typeof criterionUpdateSchema>) {
  const now = new Date();
  return db().$transaction(async (tx) => {
    const opportunity = await tx.opportunity.findFirst({ where: inOrg(user, { id: input.opportunityId }), select: { id: true, ownerId: true } });
    if (!opportunity) throw notFound("Opportunity");
    assertMayActOn(user, "qualification.record", opportunity);
    const { framework } = await loadQualificationSettings(tx, user.organizationId);
    const criterion = framework.criteria.find((c) => c.id === input.criterionId);
    if (!criterion) throw new AppError("INVALID", `"${input.criterionId}" is not a criterion of ${framework.name}.`);
    const key = { opportunityId_criterionId: { opportunityId: opportunity.id, criterionId: criterion.id } };
    const from = (await tx.criterionState.findUnique({ where: key }))?.state ?? "unknown";

    let to: typeof from;
    if (input.op === "verify") {
      if (from !== "claimed") throw new AppError("INVALID", `${criterion.label} can only be verified once it has been claimed (it is ${from}).`);
      const latest = await tx.evidence.findFirst({ where: { opportunityId: opportunity.id, criterionId: criterion.id }, orderBy: { capturedAt: "desc" } });
      if (latest) await tx.evidence.update({ where: { id: latest.id }, data: { verifiedById: user.id, verifiedAt: now } });
      to = "verified";
    } else {
      to = "unknown";
    }
    if (from === to) return { id: opportunity.id };
    await tx.criterionState.upsert({
      where: key,
      create: { organizationId: user.organizationId, opportunityId: opportunity.id, criterionId: criterion.id, state: to, updatedById: user.id },
      update: { state: to, updatedById: user.id },
    });
    await tx.criterionChange.create({
      data: { organizationId: user.organizationId, opportunityId: opportunity.id, criterionId: criterion.id, fromState: from, toState: to, actorId: user.id, reason: input.reason ?? (input.op === "verify" ? "Verified" : "Reset"), at: now },
    });
    await tx.opportunity.update({ where: { id: opportunity.id }, data: { lastActivityAt: now } });
    await rescore(tx, user.organizationId, opportunity.id, `criterion_${input.op}`, now);
    await recordAudit(tx, { organizationId: user.organizationId, actorId: user.id, entityType: "criterion", entityId: opportunity.id, action: input.op, before: { criterionId: criterion.id, state: from }, after: { criterionId: criterion.id, state: to }, reason: input.reason ?? null });
    return { id: opportunity.id };
  });
}
