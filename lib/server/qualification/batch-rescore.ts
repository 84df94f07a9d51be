import { assessAccount } from "../../qualification";
import type { PrismaClient } from "../db";
import type { OpportunityStatus } from "../generated/prisma/client";
import { assess } from "./assess";
import { scoreChanged } from "./score-history";
import { loadQualificationSettings, type QualificationSettings } from "./settings";
import { assessmentInclude, toAccountProfile } from "./snapshot";
import { saveAccountAssessments, saveOpportunityAssessments, toAccountAssessmentRow, toAssessmentRow } from "./stored-assessment";

/** Deals per batch: each batch is one read with its criteria, evidence and committee, and three writes. */
export const DEAL_BATCH = 500;
export const ACCOUNT_BATCH = 2000;

export interface BatchResult {
  scored: number;
  changed: number;
  /** The last id of the batch, or null when there was nothing after the cursor. */
  cursor: string | null;
}

/**
 * Re-scores the next batch of an organization's deals after `cursor` (keyset on id, so a batch costs the same
 * at row 90,000 as at row 0), stores the assessments and appends a snapshot where a score moved. A row a user
 * write re-scored after this batch was read is left alone: its computedAt is newer.
 */
export async function rescoreDealBatch(
  client: PrismaClient,
  organizationId: string,
  options: { cursor: string | null; status?: OpportunityStatus; trigger: string; now: Date; settings?: QualificationSettings; size?: number },
): Promise<BatchResult> {
  const { cursor, status, trigger, now } = options;
  const settings = options.settings ?? (await loadQualificationSettings(client, organizationId));
  const rows = await client.opportunity.findMany({
    where: { organizationId, ...(status && { status }), ...(cursor && { id: { gt: cursor } }) },
    include: assessmentInclude,
    orderBy: { id: "asc" },
    take: options.size ?? DEAL_BATCH,
  });
  if (rows.length === 0) return { scored: 0, changed: 0, cursor: null };
  const assessed = rows.map((row) => ({ row, assessment: assess(row, settings, now) }));
  await saveOpportunityAssessments(client, assessed.map(({ row, assessment }) => toAssessmentRow(row, assessment, settings, now)), { onlyIfNewer: true });

  const latest = await client.scoreSnapshot.findMany({
    where: { opportunityId: { in: rows.map((r) => r.id) } },
    orderBy: [{ opportunityId: "asc" }, { at: "desc" }],
    distinct: ["opportunityId"],
  });
  const lastByDeal = new Map(latest.map((s) => [s.opportunityId, s]));
  const changed = assessed.filter(({ row, assessment }) => scoreChanged(lastByDeal.get(row.id) ?? null, assessment, row.stage));
  await client.scoreSnapshot.createMany({
    data: changed.map(({ row, assessment }) => ({
      organizationId, opportunityId: row.id, stage: row.stage, fit: assessment.fit.score, intent: assessment.intent.score,
      verdict: assessment.verdict.verdict, trigger, at: now,
    })),
  });
  return { scored: rows.length, changed: changed.length, cursor: rows.at(-1)?.id ?? null };
}

/** The next batch of an organization's accounts after `cursor`, fitted to the current ICP and stored. */
export async function rescoreAccountBatch(
  client: PrismaClient,
  organizationId: string,
  options: { cursor: string | null; now: Date; settings?: QualificationSettings; size?: number },
): Promise<BatchResult> {
  const settings = options.settings ?? (await loadQualificationSettings(client, organizationId));
  const rows = await client.account.findMany({
    where: { organizationId, ...(options.cursor && { id: { gt: options.cursor } }) },
    orderBy: { id: "asc" },
    take: options.size ?? ACCOUNT_BATCH,
  });
  if (rows.length === 0) return { scored: 0, changed: 0, cursor: null };
  const stored = rows.map((row) => toAccountAssessmentRow(row, assessAccount(toAccountProfile(row), settings.icp), options.now));
  await saveAccountAssessments(client, stored, { onlyIfNewer: true });
  return { scored: rows.length, changed: 0, cursor: rows.at(-1)?.id ?? null };
}
