import type { PrismaClient } from "../db";
import { assessMany } from "./assess";
import { scoreChanged } from "./score-history";

export interface SweepResult {
  scored: number;
  changed: number;
}

/**
 * Re-qualifies every open deal of one organization as of `now`. Time alone changes scores (evidence goes
 * stale, deals go quiet), and nobody acts on a deal to record that; the sweep appends a snapshot for each deal
 * whose fit, intent, verdict or stage moved, so the history shows decay as it happens. Three queries in all.
 */
export async function sweepOrganization(client: PrismaClient, organizationId: string, now: Date): Promise<SweepResult> {
  const { deals } = await assessMany(client, organizationId, { status: "open" }, now);
  const latest = await client.scoreSnapshot.findMany({
    where: { opportunityId: { in: deals.map((d) => d.row.id) } },
    orderBy: [{ opportunityId: "asc" }, { at: "desc" }],
    distinct: ["opportunityId"],
  });
  const lastByDeal = new Map(latest.map((s) => [s.opportunityId, s]));
  const changed = deals.filter(({ row, assessment }) => scoreChanged(lastByDeal.get(row.id) ?? null, assessment, row.stage));
  await client.scoreSnapshot.createMany({
    data: changed.map(({ row, assessment }) => ({
      organizationId, opportunityId: row.id, stage: row.stage, fit: assessment.fit.score, intent: assessment.intent.score,
      verdict: assessment.verdict.verdict, trigger: "requalification", at: now,
    })),
  });
  return { scored: deals.length, changed: changed.length };
}

export async function sweepAll(client: PrismaClient, now: Date): Promise<SweepResult> {
  const organizations = await client.organization.findMany({ select: { id: true } });
  const total: SweepResult = { scored: 0, changed: 0 };
  for (const { id } of organizations) {
    const result = await sweepOrganization(client, id, now);
    total.scored += result.scored;
    total.changed += result.changed;
  }
  return total;
}
