import { assessOpportunity, type Assessment } from "../../qualification";
import type { PrismaClient, Tx } from "../db";
import { notFound } from "../errors";
import { loadQualificationSettings, type QualificationSettings } from "./settings";
import { assessmentInclude, toAccountProfile, toSnapshot, type OpportunityForAssessment } from "./snapshot";

export interface AssessedOpportunity {
  row: OpportunityForAssessment;
  assessment: Assessment;
}

/** The one way the app scores a deal: its rows mapped onto engine types, then the engine. */
export function assess(row: OpportunityForAssessment, settings: QualificationSettings, now: Date): Assessment {
  return assessOpportunity({
    pipeline: settings.pipeline,
    framework: settings.framework,
    icp: settings.icp,
    account: toAccountProfile(row.account),
    opportunity: toSnapshot(row),
    thresholds: settings.thresholds,
    now,
  });
}

export async function loadForAssessment(client: PrismaClient | Tx, organizationId: string, opportunityId: string): Promise<OpportunityForAssessment> {
  const row = await client.opportunity.findFirst({ where: { id: opportunityId, organizationId }, include: assessmentInclude });
  if (!row) throw notFound("Opportunity");
  return row;
}

/** Scores many deals with one query for the rows and one for the settings (board, dashboard). */
export async function assessMany(
  client: PrismaClient | Tx,
  organizationId: string,
  where: { status?: "open" | "won" | "lost"; ownerId?: string; ids?: string[] },
  now: Date,
): Promise<{ settings: QualificationSettings; deals: AssessedOpportunity[] }> {
  const [settings, rows] = await Promise.all([
    loadQualificationSettings(client, organizationId),
    client.opportunity.findMany({
      where: { organizationId, status: where.status, ownerId: where.ownerId, ...(where.ids && { id: { in: where.ids } }) },
      include: assessmentInclude,
      orderBy: { updatedAt: "desc" },
    }),
  ]);
  return { settings, deals: rows.map((row) => ({ row, assessment: assess(row, settings, now) })) };
}
