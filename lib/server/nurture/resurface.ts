import "server-only";
import { describeCause, dueForAnotherLook, type WatchedSignals } from "../../qualification/leads";
import { bulkInsert, newId } from "../bulk-insert";
import type { PrismaClient, Tx } from "../db";

function signals(value: unknown): WatchedSignals | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as { fundingStage?: unknown; hiringSignals?: unknown };
  return {
    fundingStage: typeof v.fundingStage === "string" ? v.fundingStage : null,
    hiringSignals: Array.isArray(v.hiringSignals) ? v.hiringSignals.filter((s): s is string => typeof s === "string") : [],
  };
}

/** Narrows a pass to what one account's change can bring back: its deals, and the leads at its domain. */
export interface AccountScope {
  accountId: string;
  domain: string | null;
}

type Back = { id: string; reason: string };

/**
 * Brings back every parked lead and deal of an organization whose resume date arrived or whose watched account
 * signals (funding stage, hiring) changed, recording why (on the row and in the audit log). Idempotent: an item
 * comes back once per parking. Runs hourly as a background job, on an account's update (scoped to it), and
 * before the "due" list is read. All writes of one pass are two statements per kind in one transaction.
 */
export async function resurfaceDue(
  client: PrismaClient,
  organizationId: string,
  now: Date,
  scope?: AccountScope,
): Promise<{ leads: number; deals: number }> {
  return client.$transaction((tx) => resurfaceIn(tx, organizationId, now, scope), { timeout: 60_000 });
}

/** `resurfaceDue` inside the caller's transaction (an account update resurfaces in the same transaction). */
export async function resurfaceIn(tx: Tx, organizationId: string, now: Date, scope?: AccountScope): Promise<{ leads: number; deals: number }> {
  const leadsWanted = !scope || scope.domain !== null;
  const [leads, deals] = await Promise.all([
    leadsWanted
      ? tx.lead.findMany({
          where: { organizationId, status: "nurturing", resurfacedAt: null, ...(scope && { domain: scope.domain }) },
          select: { id: true, domain: true, resumeOn: true, watchedSignals: true, fundingStage: true, hiringSignals: true },
        })
      : Promise.resolve([]),
    tx.opportunity.findMany({
      where: { organizationId, status: "open", resumeOn: { not: null }, resurfacedAt: null, ...(scope && { accountId: scope.accountId }) },
      select: { id: true, resumeOn: true, watchedSignals: true, account: { select: { fundingStage: true, hiringSignals: true } } },
    }),
  ]);
  const domains = [...new Set(leads.flatMap((l) => (l.domain ? [l.domain] : [])))];
  const accounts =
    domains.length > 0
      ? await tx.account.findMany({
          where: { organizationId, domain: { in: domains } },
          select: { domain: true, fundingStage: true, hiringSignals: true },
        })
      : [];
  const byDomain = new Map(accounts.map((a) => [a.domain, a]));
  const leadsBack: Back[] = [];
  for (const lead of leads) {
    const current = (lead.domain && byDomain.get(lead.domain)) || { fundingStage: lead.fundingStage, hiringSignals: lead.hiringSignals };
    const cause = dueForAnotherLook({ resumeOn: lead.resumeOn, watched: signals(lead.watchedSignals), current, now });
    if (cause) leadsBack.push({ id: lead.id, reason: describeCause(cause) });
  }
  const dealsBack: Back[] = [];
  for (const deal of deals) {
    const cause = dueForAnotherLook({ resumeOn: deal.resumeOn, watched: signals(deal.watchedSignals), current: deal.account, now });
    if (cause) dealsBack.push({ id: deal.id, reason: describeCause(cause) });
  }
  return {
    leads: await resurface(tx, organizationId, "lead", leadsBack, now),
    deals: await resurface(tx, organizationId, "opportunity", dealsBack, now),
  };
}

/** One UPDATE for all items (each with its own reason), guarded so a concurrent pass cannot double them; audits for those it changed. */
async function resurface(tx: Tx, organizationId: string, entityType: "lead" | "opportunity", items: Back[], now: Date): Promise<number> {
  if (items.length === 0) return 0;
  const ids = items.map((i) => i.id);
  const reasons = items.map((i) => i.reason);
  const changed =
    entityType === "lead"
      ? await tx.$queryRaw<{ id: string; reason: string }[]>`
      UPDATE "Lead" AS t SET "resurfacedAt" = ${now}, "resurfaceReason" = v.reason, "updatedAt" = ${now}
      FROM unnest(${ids}::text[], ${reasons}::text[]) AS v(id, reason)
      WHERE t."id" = v.id AND t."organizationId" = ${organizationId} AND t."resurfacedAt" IS NULL
      RETURNING t."id", v.reason`
      : await tx.$queryRaw<{ id: string; reason: string }[]>`
      UPDATE "Opportunity" AS t SET "resurfacedAt" = ${now}, "resurfaceReason" = v.reason, "updatedAt" = ${now}
      FROM unnest(${ids}::text[], ${reasons}::text[]) AS v(id, reason)
      WHERE t."id" = v.id AND t."organizationId" = ${organizationId} AND t."resurfacedAt" IS NULL
      RETURNING t."id", v.reason`;
  await bulkInsert(
    tx,
    "AuditEvent",
    changed.map((c) => ({
      id: newId(),
      organizationId,
      actorId: null,
      entityType,
      entityId: c.id,
      action: "resurface",
      reason: c.reason,
      at: now,
    })),
  );
  return changed.length;
}

/** The hourly pass over every organization (the embedded database's timer; pg-boss fans out per organization instead). */
export async function resurfaceAll(client: PrismaClient, now: Date): Promise<{ leads: number; deals: number }> {
  const organizations = await client.organization.findMany({ select: { id: true } });
  const total = { leads: 0, deals: 0 };
  for (const { id } of organizations) {
    const r = await resurfaceDue(client, id, now);
    total.leads += r.leads;
    total.deals += r.deals;
  }
  return total;
}
