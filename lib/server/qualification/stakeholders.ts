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
      const opportunity = await tx.opportunity.findFirst({
        where: inOrg(user, { id: input.opportunityId }),
        select: { id: true, ownerId: true, accountId: true },
      });
      if (!opportunity) throw notFound("Opportunity");
      assertMayActOn(user, "qualification.record", opportunity);
      const contact = await tx.contact.findFirst({
        where: inOrg(user, { id: input.contactId, accountId: opportunity.accountId }),
        select: { id: true },
      });
      if (!contact)
        throw new AppError("INVALID", "Pick a contact at this deal's account.", { fieldErrors: { contactId: ["Pick a contact at this account."] } });
      const stakeholder = await tx.stakeholder.create({
        data: {
          organizationId: user.organizationId,
          opportunityId: opportunity.id,
          contactId: contact.id,
          role: input.role,
          addedById: user.id,
          addedAt: now,
        },
      });
      await rescore(tx, user.organizationId, opportunity.id, "stakeholder_added", now);
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        entityType: "stakeholder",
        entityId: stakeholder.id,
        action: "add",
        after: stakeholder,
      });
      return { id: opportunity.id };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("INVALID", "That contact already has this role on the deal.", {
        fieldErrors: { role: ["Already on the committee in this role."] },
      });
    throw error;
  }
}

type StakeholderUpdate = z.infer<typeof updateStakeholderSchema>;

/** Dates arrive as calendar days; a day counts as "not in the future" while it has begun somewhere (UTC+14). */
const EARLIEST_ZONE_MS = 14 * 3600_000;

/** When an activity on `day` happened: now if it is today, else that day (a back-dated entry, audited as such). */
function happenedAt(day: Date, now: Date): Date {
  if (day.getTime() > now.getTime() + EARLIEST_ZONE_MS) {
    throw new AppError("INVALID", "That date is in the future: record what already happened.", {
      fieldErrors: { happenedOn: ["Pick today or a past day."] },
    });
  }
  return now.getTime() - day.getTime() < 86_400_000 ? now : day;
}

const latestOf = (a: Date | null, b: Date) => (a && a.getTime() > b.getTime() ? a : b);

/** Log an engagement (an activity with its day), record the test a champion passed, untest, or take someone off the committee. */
export async function updateStakeholder(user: SessionUser, input: StakeholderUpdate) {
  const now = new Date();
  return transaction(async (tx) => {
    const before = await tx.stakeholder.findFirst({
      where: inOrg(user, { id: input.stakeholderId }),
      include: { opportunity: { select: { id: true, ownerId: true } } },
    });
    if (!before) throw notFound("Stakeholder");
    assertMayActOn(user, "qualification.record", before.opportunity);
    const { opportunity, ...snapshot } = before;
    let after: unknown = null;
    let activity: { happenedAt: Date; backdated: boolean } | null = null;
    const record = async (kind: "engagement" | "champion_test", channel: string | null, summary: string, day: Date) => {
      const at = happenedAt(day, now);
      await tx.stakeholderActivity.create({
        data: {
          organizationId: user.organizationId,
          opportunityId: opportunity.id,
          stakeholderId: before.id,
          contactId: before.contactId,
          kind,
          channel,
          summary,
          happenedAt: at,
          recordedById: user.id,
          recordedAt: now,
        },
      });
      activity = { happenedAt: at, backdated: at !== now };
      return at;
    };
    switch (input.op) {
      case "engaged": {
        const at = await record("engagement", input.channel, input.summary, input.happenedOn);
        after = await tx.stakeholder.update({ where: { id: before.id }, data: { lastEngagedAt: latestOf(before.lastEngagedAt, at) } });
        await tx.opportunity.update({ where: { id: opportunity.id }, data: { lastActivityAt: latestOf(null, now) } });
        break;
      }
      case "champion_tested":
      case "champion_untested":
        if (before.role !== "champion") throw new AppError("INVALID", "Only a champion can be tested.");
        if (input.op === "champion_tested") await record("champion_test", null, input.summary, input.happenedOn);
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
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "stakeholder",
      entityId: before.id,
      action: input.op,
      before: snapshot,
      after: { stakeholder: after, activity },
    });
    return { id: opportunity.id };
  });
}
