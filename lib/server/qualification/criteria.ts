import "server-only";
import type { z } from "zod";
import { checkBasis, type CriterionDefinition, type EvidenceState } from "../../qualification";
import type { criterionUpdateSchema } from "../../validation/qualification";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import { assertMayActOn, inOrg } from "../scope";
import type { SessionUser } from "../session";
import { committeeRoles, setCriterionState } from "./criterion-state";
import { rescore } from "./score-history";
import { loadQualificationSettings } from "./settings";

type CriterionUpdate = z.infer<typeof criterionUpdateSchema>;

/** Verify a claimed criterion with proof (a new verified evidence row with its basis), or reset it to unknown. */
export async function updateCriterion(user: SessionUser, input: CriterionUpdate) {
  const now = new Date();
  return db().$transaction(async (tx) => {
    const opportunity = await tx.opportunity.findFirst({
      where: inOrg(user, { id: input.opportunityId }),
      select: { id: true, ownerId: true, accountId: true, pipelineId: true },
    });
    if (!opportunity) throw notFound("Opportunity");
    assertMayActOn(user, "qualification.record", opportunity);
    const { framework } = await loadQualificationSettings(tx, user.organizationId, opportunity.pipelineId);
    const criterion = framework.criteria.find((c) => c.id === input.criterionId);
    if (!criterion) throw new AppError("INVALID", `"${input.criterionId}" is not a criterion of ${framework.name}.`);
    const key = { opportunityId_criterionId: { opportunityId: opportunity.id, criterionId: criterion.id } };
    const from: EvidenceState = (await tx.criterionState.findUnique({ where: key }))?.state ?? "unknown";

    let to: EvidenceState = "unknown";
    let evidenceId: string | null = null;
    let reason = input.op === "reset" ? (input.reason ?? "Reset") : "Verified";
    if (input.op === "verify") {
      if (from !== "claimed") throw new AppError("INVALID", `${criterion.label} can only be verified once it has been claimed (it is ${from}).`);
      const proof = await verificationProof(tx, user, opportunity, criterion, input);
      evidenceId = proof.evidenceId;
      reason = proof.reason;
      to = "verified";
    }
    if (from === to) return { id: opportunity.id };
    // Check-and-set: of many identical requests racing, exactly one moves the state and writes its history row.
    if (!(await setCriterionState(tx, { user, opportunityId: opportunity.id, criterionId: criterion.id, from, to }))) {
      throw new AppError("CONFLICT", `${criterion.label} was changed by someone else a moment ago. Reload to see it.`);
    }
    await tx.criterionChange.create({
      data: {
        organizationId: user.organizationId,
        opportunityId: opportunity.id,
        criterionId: criterion.id,
        fromState: from,
        toState: to,
        actorId: user.id,
        evidenceId,
        reason,
        at: now,
      },
    });
    await tx.opportunity.update({ where: { id: opportunity.id }, data: { lastActivityAt: now } });
    await rescore(tx, user.organizationId, opportunity.id, `criterion_${input.op}`, now);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "criterion",
      entityId: opportunity.id,
      action: input.op,
      before: { criterionId: criterion.id, state: from },
      after: { criterionId: criterion.id, state: to, evidenceId },
      reason,
    });
    return { id: opportunity.id };
  });
}

/** The verified evidence row a verification rests on; refused (with what proof is needed) when there is none. */
async function verificationProof(
  tx: Tx,
  user: SessionUser,
  opportunity: { id: string; accountId: string },
  criterion: CriterionDefinition,
  input: Extract<CriterionUpdate, { op: "verify" }>,
) {
  const now = new Date();
  const contact = input.contactId
    ? await tx.contact.findFirst({ where: inOrg(user, { id: input.contactId, accountId: opportunity.accountId }), select: { id: true, name: true } })
    : null;
  if (input.contactId && !contact)
    throw new AppError("INVALID", "Pick a contact at this deal's account.", { fieldErrors: { contactId: ["Pick a contact at this account."] } });
  const latest = await tx.evidence.findFirst({
    where: { opportunityId: opportunity.id, criterionId: criterion.id },
    orderBy: { capturedAt: "desc" },
    select: { excerpt: true, noteId: true },
  });
  const excerpt = input.excerpt ?? latest?.excerpt ?? "";
  const roles = contact ? await committeeRoles(tx, opportunity.id, contact.id) : null;
  const check = checkBasis(criterion, { state: "verified", excerpt, contactRoles: roles, documentRef: input.documentRef });
  if (!check.ok) throw new AppError("INVALID", check.message, { fieldErrors: { proof: [check.message] } });
  const evidence = await tx.evidence.create({
    data: {
      organizationId: user.organizationId,
      opportunityId: opportunity.id,
      criterionId: criterion.id,
      state: "verified",
      noteId: latest?.noteId ?? null,
      contactId: contact?.id ?? null,
      excerpt,
      capturedAt: now,
      capturedById: user.id,
      verifiedById: user.id,
      verifiedAt: now,
      basis: check.basis,
      documentRef: input.documentRef,
    },
  });
  const reason =
    check.basis === "document" ? `Verified by document: ${input.documentRef ?? ""}` : `Verified: stated by ${contact?.name ?? "a contact"}`;
  return { evidenceId: evidence.id, reason };
}
