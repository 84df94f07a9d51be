import { assessAccount, type AccountAssessment } from "../../qualification";
import type { PrismaClient, Tx } from "../db";
import { rescore } from "./score-history";
import { loadQualificationSettings, type QualificationSettings } from "./settings";
import { toAccountProfile } from "./snapshot";
import { saveAccountAssessments, toAccountAssessmentRow } from "./stored-assessment";

/**
 * Re-scores an account inside the caller's transaction, then every deal on it: a deal's fit is its account's
 * fit, so an edit to the account's firmographics changes their scores too. Account and deal writes both end
 * here or in `rescore`, so nothing else stores a score.
 */
export async function rescoreAccount(
  tx: PrismaClient | Tx,
  organizationId: string,
  accountId: string,
  trigger: string,
  now = new Date(),
  knownSettings?: QualificationSettings,
): Promise<AccountAssessment> {
  const settings = knownSettings ?? (await loadQualificationSettings(tx, organizationId));
  const account = await tx.account.findFirstOrThrow({ where: { id: accountId, organizationId } });
  const assessment = assessAccount(toAccountProfile(account), settings.icp);
  await saveAccountAssessments(tx, [toAccountAssessmentRow(account, assessment, now)]);
  const deals = await tx.opportunity.findMany({ where: { organizationId, accountId }, select: { id: true }, orderBy: { id: "asc" } });
  for (const deal of deals) await rescore(tx, organizationId, deal.id, trigger, now, settings);
  return assessment;
}
