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
  const settings = knownSettings ?? (await loadQualificationSettings(tx, organizationId, null));
  const account = await tx.account.findFirstOrThrow({ where: { id: accountId, organizationId } });
  const assessment = assessAccount(toAccountProfile(account), settings.icp);
  await saveAccountAssessments(tx, [toAccountAssessmentRow(account, assessment, now)]);
  const deals = await tx.opportunity.findMany({ where: { organizationId, accountId }, select: { id: true }, orderBy: { id: "asc" } });
  for (const deal of deals) await rescore(tx, organizationId, deal.id, trigger, now, settings);
  return assessment;
}

/**
 * `rescoreAccount` for many accounts at once (an import batch): one read of the accounts, their fits stored in
 * one statement, then the deals on them re-scored through `rescore` as a hand edit would. New accounts have no
 * deals, so a batch of created accounts costs two statements whatever its size.
 */
export async function rescoreAccounts(
  tx: PrismaClient | Tx,
  organizationId: string,
  accountIds: string[],
  trigger: string,
  now: Date,
  settings: QualificationSettings,
): Promise<void> {
  if (accountIds.length === 0) return;
  const accounts = await tx.account.findMany({ where: { organizationId, id: { in: accountIds } } });
  await saveAccountAssessments(
    tx,
    accounts.map((account) => toAccountAssessmentRow(account, assessAccount(toAccountProfile(account), settings.icp), now)),
  );
  const deals = await tx.opportunity.findMany({
    where: { organizationId, accountId: { in: accountIds } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  for (const deal of deals) await rescore(tx, organizationId, deal.id, trigger, now, settings);
}
