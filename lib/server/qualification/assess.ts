import { assessOpportunity, liveDays, storedDays, type AccountProfile, type Assessment, type OpportunitySnapshot } from "../../qualification";
import type { PrismaClient, Tx } from "../db";
import { notFound } from "../errors";
import type { QualificationSettings } from "./settings";
import { assessmentInclude, toAccountProfile, toSnapshot, type OpportunityForAssessment } from "./snapshot";

/** The one way the app scores a deal: its rows mapped onto engine types, then the engine. Texts as of `now`. */
export function assess(row: OpportunityForAssessment, settings: QualificationSettings, now: Date): Assessment {
  return assessInputs(toAccountProfile(row.account), toSnapshot(row), settings, now);
}

/**
 * `assess` for a deal already in the engine's shape (a background batch reads it that way from SQL). `texts`:
 * "live" says day counts as of `now` (what a page shows from a fresh assessment); "stored" writes the instant each
 * count runs from (what is stored and hashed, so a row does not change every day; `readStoredResult` renders it).
 */
export function assessInputs(
  account: AccountProfile,
  opportunity: OpportunitySnapshot,
  settings: QualificationSettings,
  now: Date,
  texts: "live" | "stored" = "live",
): Assessment {
  return assessOpportunity({
    pipeline: settings.pipeline,
    framework: settings.framework,
    icp: settings.icp,
    account,
    opportunity,
    thresholds: settings.thresholds,
    now,
    dayText: texts === "stored" ? storedDays : liveDays,
  });
}

export async function loadForAssessment(client: PrismaClient | Tx, organizationId: string, opportunityId: string): Promise<OpportunityForAssessment> {
  const row = await client.opportunity.findFirst({ where: { id: opportunityId, organizationId }, include: assessmentInclude });
  if (!row) throw notFound("Opportunity");
  return row;
}
