import "server-only";
import type { z } from "zod";
import { scopeOf } from "../../permissions";
import type { dealNurtureSchema } from "../../validation/lead";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import { asJson } from "../json";
import { assertMayActOn, inOrg } from "../scope";
import type { SessionUser } from "../session";
import { resurfaceDue } from "./resurface";

/** Owners see their own; managers, marketing and admins see the organization's. */
function ownerFilter(user: SessionUser) {
  const scope = scopeOf(user.role, "opportunity.update") === "org" || scopeOf(user.role, "lead.view") === "org" ? "org" : "own";
  return scope === "own" ? { ownerId: user.id } : {};
}

/** "Due for another look": parked leads and deals that came back, with why, oldest return first. */
export async function listDue(user: SessionUser, now = new Date()) {
  await resurfaceDue(db(), user.organizationId, now);
  const [leads, deals] = await Promise.all([
    db().lead.findMany({
      where: inOrg(user, { status: "nurturing" as const, resurfacedAt: { not: null }, ...ownerFilter(user) }),
      orderBy: { resurfacedAt: "asc" },
      take: 200,
    }),
    db().opportunity.findMany({
      where: inOrg(user, { status: "open" as const, resumeOn: { not: null }, resurfacedAt: { not: null }, ...ownerFilter(user) }),
      orderBy: { resurfacedAt: "asc" },
      take: 200,
      include: { account: { select: { name: true } }, owner: { select: { name: true } } },
    }),
  ]);
  return { leads, deals };
}

/** The dashboard's count: one indexed count per kind, after bringing back whatever became due. */
export async function countDue(user: SessionUser, now = new Date()): Promise<number> {
  await resurfaceDue(db(), user.organizationId, now);
  const [leads, deals] = await Promise.all([
    db().lead.count({ where: inOrg(user, { status: "nurturing" as const, resurfacedAt: { not: null }, ...ownerFilter(user) }) }),
    db().opportunity.count({
      where: inOrg(user, { status: "open" as const, resumeOn: { not: null }, resurfacedAt: { not: null }, ...ownerFilter(user) }),
    }),
  ]);
  return leads + deals;
}

/** A deal whose verdict is "not yet": when to look again and what to watch for, with the account signals seen now. */
export async function setDealNurture(user: SessionUser, input: z.infer<typeof dealNurtureSchema>) {
  return db().$transaction((tx) => nurtureDealIn(tx, user, input));
}

/** The rule of parking one deal, inside the caller's transaction (one deal, or each of a bulk selection). */
export async function nurtureDealIn(tx: Tx, user: SessionUser, input: z.infer<typeof dealNurtureSchema>, reason?: string) {
  const deal = await tx.opportunity.findFirst({
    where: inOrg(user, { id: input.opportunityId }),
    include: { account: { select: { fundingStage: true, hiringSignals: true } } },
  });
  if (!deal) throw notFound("Opportunity");
  assertMayActOn(user, "opportunity.update", deal);
  if (deal.status !== "open") throw new AppError("CONFLICT", "Only an open deal can be parked.");
  const after = await tx.opportunity.update({
    where: { id: deal.id },
    data: { resumeOn: input.resumeOn, watchFor: input.watchFor, watchedSignals: asJson(deal.account), resurfacedAt: null, resurfaceReason: null },
  });
  await recordAudit(tx, {
    organizationId: user.organizationId,
    actorId: user.id,
    entityType: "opportunity",
    entityId: deal.id,
    action: "nurture",
    before: { resumeOn: deal.resumeOn, watchFor: deal.watchFor },
    after: { resumeOn: after.resumeOn, watchFor: after.watchFor },
    reason: reason ?? null,
  });
  return after;
}

/** Taking a parked deal back up: the nurture fields clear, the audit keeps why it came back. */
export async function resumeDeal(user: SessionUser, opportunityId: string) {
  return db().$transaction(async (tx) => {
    const deal = await tx.opportunity.findFirst({ where: inOrg(user, { id: opportunityId }) });
    if (!deal) throw notFound("Opportunity");
    assertMayActOn(user, "opportunity.update", deal);
    await tx.opportunity.update({ where: { id: deal.id }, data: { resumeOn: null, watchFor: null, watchedSignals: undefined, resurfacedAt: null } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "opportunity",
      entityId: deal.id,
      action: "resume",
      before: { resumeOn: deal.resumeOn },
      reason: deal.resurfaceReason ?? "Resumed by hand",
    });
  });
}
