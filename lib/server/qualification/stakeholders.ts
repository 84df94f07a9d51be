import "server-only";
import type { z } from "zod";
import type { addStakeholderSchema, updateStakeholderSchema } from "../../validation/qualification";
import { recordAudit } from "../audit";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { assertMayActOn, inOrg } from "../scope";
import type { SessionUser } from "../session";
import { transaction } from "../transaction";
import { rescore } from "./score-history";

export async function addStakeholder(user: SessionUser, input: z.infer<typeof addStakeholderSchema>) {
  const now = new Date();
  try {
    return await transaction(async (tx) => {
      const opportunity = await tx.opportunity.findFirst({ where: inOrg(user, { id: input.opportunityId }), select: { id: true, ownerId: true, accountId: true } });
      if (!opportunity) throw notFound("Opportunity");
      assertMayActOn(user, "qualification.record", opportunity);
      const contact = await tx.contact.findFirst({ where: inOrg(user, { id: input.contactId, accountId: opportunity.accountId }), select: { id: true } });
      if (!contact) throw new AppError("INVALID", "Pick a contact at this deal's account.", { fieldErrors: { contactId: ["Pick a contact at this account."] } });
      const stakeholder = await tx.stakeholder.create({
        data: { organizationId: user.organizationId, opportunityId: opportunity.id, contactId: contact.id, role: input.role, addedById: user.id, addedAt: now },
      });
      await rescore(tx, user.organizationId, opportunity.id, "stakeholder_added", now);
      await recordAudit(tx, { organizationId: user.organizationId, actorId: user.id, entityType: "stakeholder", entityId: stakeholder.id, action: "add", after: stakeholder });
      return { id: opportunity.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("INVALID", "That contact already has this role on the deal.", { fieldErrors: { role: ["Already on the committee in this role."] } });
    throw error;
  }
}

/** Log an engagement, record the champion test, or take someone off the committee. */
export async function updateStakeholder(user: SessionUser, input: z.infer<typeof updateStakeholderSchema>) {
  const now = new Date();
  return transaction(async (tx) => {
    const before = await tx.stakeholder.findFirst({ where: inOrg(user, { id: input.stakeholderId }), include: { opportunity: { select: { id: true, ownerId: true } } } });
    if (!before) throw notFound("Stakeholder");
    assertMayActOn(user, "qualification.record", before.opportunity);
    const { opportunity, ...snapshot } = before;
    let after: unknown = null;
    switch (input.op) {
      case "engaged":
        after = await tx.stakeholder.update({ where: { id: before.id }, data: { lastEngagedAt: now } });
        await tx.opportunity.update({ where: { id: opportunity.id }, data: { lastActivityAt: now } });
        break;
      case "champion_tested":
      case "champion_untested":
        if (before.role !== "champion") throw new AppError("INVALID", "Only a champion can be tested.");
        after = await tx.stakeholder.update({ where: { id: before.id }, data: { championTested: input.op === "champion_tested" } });
        break;
      case "remove": {
        // Whoever removes it first wins; a parallel second removal finds nothing to delete and says so.
        const { count } = await tx.stakeholder.deleteMany({ where: { id: before.id } });
        if (count === 0) throw notFound("Stakeholder");
        break;
      }
    }
    await rescore(tx, user.organizationId, opportunity.id, `stakeholder_${input.op}`, now);
    await recordAudit(tx, { organizationId: user.organizationId, actorId: user.id, entityType: "stakeholder", entityId: before.id, action: input.op, before: snapshot, after });
    return { id: opportunity.id };
  });
}
