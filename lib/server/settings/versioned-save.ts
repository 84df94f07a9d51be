import "server-only";
import { db, type Tx } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { enqueueRescore } from "../jobs/rescore";
import { prepareRescore } from "../qualification/rescore-organization";
import type { SessionUser } from "../session";

const outdatedSettings = () =>
  new AppError("CONFLICT", "Someone else changed the qualification setup while you were editing. Reload to see their changes, then apply yours again.");

/**
 * Runs a settings write against the version the editor was opened on. The version is bumped by a
 * check-and-set first, so of two editors saving from the same version exactly one wins and the other gets
 * CONFLICT; every stored deal score is marked pending in the same transaction, and the re-score starts
 * once it commits.
 */
export async function savingVersioned<T extends object>(
  user: SessionUser,
  expectedVersion: number,
  trigger: string,
  write: (tx: Tx) => Promise<T>,
): Promise<T & { progressId: string; version: number }> {
  let result: { value: T; progressId: string };
  try {
    result = await db().$transaction(async (tx) => {
      const { count } = await tx.organization.updateMany({
        where: { id: user.organizationId, qualificationVersion: expectedVersion },
        data: { qualificationVersion: { increment: 1 } },
      });
      if (count === 0) throw outdatedSettings();
      const value = await write(tx);
      return { value, progressId: await prepareRescore(tx, user.organizationId, user.id, { accounts: false }) };
    }, { maxWait: 10_000, timeout: 60_000 });
  } catch (error) {
    if (isUniqueViolation(error)) throw outdatedSettings();
    throw error;
  }
  await enqueueRescore(db(), { organizationId: user.organizationId, progressId: result.progressId, trigger });
  return { ...result.value, progressId: result.progressId, version: expectedVersion + 1 };
}
