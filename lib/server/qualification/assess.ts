import { assessOpportunity, type Assessment } from "../../qualification";
import type { PrismaClient, Tx } from "../db";
import { notFound } from "../errors";
import type { QualificationSettings } from "./settings";
import { assessmentInclude, toAccountProfile, toSnapshot, type OpportunityForAssessment } from "./snapshot";

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
