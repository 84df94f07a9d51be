import "server-only";
import { describeCause, dueForAnotherLook, type WatchedSignals } from "../../qualification/leads";
import type { PrismaClient } from "../db";

function signals(value: unknown): WatchedSignals | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as { fundingStage?: unknown; hiringSignals?: unknown };
  return {
    fundingStage: typeof v.fundingStage === "string" ? v.fundingStage : null,
    hiringSignals: Array.isArray(v.hiringSignals) ? v.hiringSignals.filter((s): s is string => typeof s === "string") : [],
  };
}

/**
 * Brings back every parked lead and deal of an organization whose resume date arrived or whose watched account
 * signals (funding stage, hiring) changed, recording why. Idempotent: an item comes back once per parking.
 */
export async function resurfaceDue(client: PrismaClient, organizationId: string, now: Date): Promise<{ leads: number; deals: number }> {
  const [leads, deals] = await Promise.all([
    client.lead.findMany({
      where: { organizationId, status: "nurturing", resurfacedAt: null },
      select: { id: true, domain: true, resumeOn: true, watchedSignals: true, fundingStage: true, hiringSignals: true },
    }),
    client.opportunity.findMany({
      where: { organizationId, status: "open", resumeOn: { not: null }, resurfacedAt: null },
      select: { id: true, resumeOn: true, watchedSignals: true, account: { select: { fundingStage: true, hiringSignals: true } } },
    }),
  ]);
  const domains = [...new Set(leads.flatMap((l) => (l.domain ? [l.domain] : [])))];
  const accounts = domains.length > 0
    ? await client.account.findMany({ where: { organizationId, domain: { in: domains } }, select: { domain: true, fundingStage: true, hiringSignals: true } })
    : [];
  const byDomain = new Map(accounts.map((a) => [a.domain, a]));
  const updates: Promise<unknown>[] = [];
  let leadCount = 0;
  for (const lead of leads) {
    const current = (lead.domain && byDomain.get(lead.domain)) || { fundingStage: lead.fundingStage, hiringSignals: lead.hiringSignals };
    const cause = dueForAnotherLook({ resumeOn: lead.resumeOn, watched: signals(lead.watchedSignals), current, now });
    if (!cause) continue;
    leadCount++;
    updates.push(resurface(client, organizationId, "lead", lead.id, describeCause(cause), now));
  }
  let dealCount = 0;
  for (const deal of deals) {
    const cause = dueForAnotherLook({ resumeOn: deal.resumeOn, watched: signals(deal.watchedSignals), current: deal.account, now });
    if (!cause) continue;
    dealCount++;
    updates.push(resurface(client, organizationId, "opportunity", deal.id, describeCause(cause), now));
  }
  await Promise.all(updates);
  return { leads: leadCount, deals: dealCount };
}

async function resurface(client: PrismaClient, organizationId: string, entityType: "lead" | "opportunity", id: string, reason: string, now: Date) {
  await client.$transaction(async (tx) => {
    const where = { id, organizationId, resurfacedAt: null };
    const { count } = entityType === "lead"
      ? await tx.lead.updateMany({ where, data: { resurfacedAt: now, resurfaceReason: reason } })
      : await tx.opportunity.updateMany({ where, data: { resurfacedAt: now, resurfaceReason: reason } });
    if (count === 0) return;
    await tx.auditEvent.create({ data: { organizationId, actorId: null, entityType, entityId: id, action: "resurface", reason } });
  });
}
