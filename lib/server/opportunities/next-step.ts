import "server-only";
import type { z } from "zod";
import type { completeNextStepSchema, setNextStepSchema } from "../../validation/next-step";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { listDue } from "../nurture/due";
import { assertMayActOn, inOrg } from "../scope";
import type { SessionUser } from "../session";

const dayKey = (date: Date) => date.toISOString().slice(0, 10);

/** Sets (or replaces) an open deal's next step and its due day. Owner or manager; audited. */
export async function setNextStep(user: SessionUser, input: z.infer<typeof setNextStepSchema>) {
  return db().$transaction(async (tx) => {
    const deal = await tx.opportunity.findFirst({ where: inOrg(user, { id: input.opportunityId }) });
    if (!deal) throw notFound("Opportunity");
    assertMayActOn(user, "opportunity.update", deal);
    if (deal.status !== "open") throw new AppError("CONFLICT", "Only an open deal has a next step.");
    const after = await tx.opportunity.update({ where: { id: deal.id }, data: { nextStep: input.text, nextStepDueOn: input.dueOn } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "opportunity",
      entityId: deal.id,
      action: "next_step",
      before: { nextStep: deal.nextStep, dueOn: deal.nextStepDueOn && dayKey(deal.nextStepDueOn) },
      after: { nextStep: after.nextStep, dueOn: after.nextStepDueOn && dayKey(after.nextStepDueOn) },
    });
    return after;
  });
}

/** Marks the next step done: it clears (the audit keeps what it was), ready for the next one. */
export async function completeNextStep(user: SessionUser, input: z.infer<typeof completeNextStepSchema>) {
  return db().$transaction(async (tx) => {
    const deal = await tx.opportunity.findFirst({ where: inOrg(user, { id: input.opportunityId }) });
    if (!deal) throw notFound("Opportunity");
    assertMayActOn(user, "opportunity.update", deal);
    if (!deal.nextStep) throw new AppError("CONFLICT", "This deal has no next step to complete (someone may have completed it already).");
    await tx.opportunity.update({ where: { id: deal.id }, data: { nextStep: null, nextStepDueOn: null } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "opportunity",
      entityId: deal.id,
      action: "next_step_done",
      before: { nextStep: deal.nextStep, dueOn: deal.nextStepDueOn && dayKey(deal.nextStepDueOn) },
    });
    return { id: deal.id };
  });
}

/**
 * "My day": the signed-in user's open deals whose next step is overdue or due today (by UTC day), and what
 * came back from nurture for another look (see listDue). Always the user's own deals, whatever the role.
 */
export async function myDay(user: SessionUser, now = new Date()) {
  const today = new Date(`${dayKey(now)}T00:00:00Z`);
  const select = { id: true, name: true, stage: true, nextStep: true, nextStepDueOn: true, account: { select: { name: true } } } as const;
  const mine = inOrg(user, { ownerId: user.id, status: "open" as const });
  const [overdue, dueToday, due] = await Promise.all([
    db().opportunity.findMany({
      where: { ...mine, nextStepDueOn: { lt: today } },
      orderBy: [{ nextStepDueOn: "asc" }, { id: "asc" }],
      take: 100,
      select,
    }),
    db().opportunity.findMany({ where: { ...mine, nextStepDueOn: today }, orderBy: { name: "asc" }, take: 100, select }),
    listDue(user, now),
  ]);
  return { overdue, dueToday, dueDeals: due.deals.filter((d) => d.ownerId === user.id), dueLeads: due.leads.filter((l) => l.ownerId === user.id) };
}
