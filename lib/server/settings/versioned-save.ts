import "server-only";
import { db, type Tx } from "../db";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { enqueueRescore } from "../jobs/rescore";
import { prepareRescore } from "../qualification/rescore-organization";
import type { SessionUser } from "../session";

const outdatedSettings = () =>
  new AppError(
    "CONFLICT",
    "Someone else changed the qualification setup while you were editing. Reload to see their changes, then apply yours again.",
  );

/** The pipeline a settings edit is for, in the user's organization (its first pipeline when none is named). */
export async function targetPipeline(tx: Tx, user: SessionUser, pipelineId: string | undefined): Promise<string> {
  const row = await tx.pipeline.findFirst({
    where: { organizationId: user.organizationId, ...(pipelineId && { id: pipelineId }) },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  if (!row) throw notFound("Pipeline");
  return row.id;
}

/**
 * Runs a settings write on one pipeline against the version the editor was opened on. The pipeline's version
 * is bumped by a check-and-set first, so of two editors saving from the same version exactly one wins and the
 * other gets CONFLICT; the stored scores of that pipeline's deals (only those) are marked pending in the same
 * transaction, and their re-score starts once it commits.
 */
export async function savingVersioned<T extends object>(
  user: SessionUser,
  target: { pipelineId?: string | undefined; expectedVersion: number },
  trigger: string,
  write: (tx: Tx, pipelineId: string) => Promise<T>,
): Promise<T & { progressId: string; version: number; pipelineId: string }> {
  let result: { value: T; progressId: string; pipelineId: string };
  try {
    result = await db().$transaction(
      async (tx) => {
        const pipelineId = await targetPipeline(tx, user, target.pipelineId);
        const { count } = await tx.pipeline.updateMany({
          where: { id: pipelineId, organizationId: user.organizationId, qualificationVersion: target.expectedVersion },
          data: { qualificationVersion: { increment: 1 } },
        });
        if (count === 0) throw outdatedSettings();
        const value = await write(tx, pipelineId);
        return { value, pipelineId, progressId: await prepareRescore(tx, user.organizationId, user.id) };
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw outdatedSettings();
    throw error;
  }
  await enqueueRescore(db(), { organizationId: user.organizationId, progressId: result.progressId, trigger, pipelineId: result.pipelineId });
  return { ...result.value, progressId: result.progressId, version: target.expectedVersion + 1, pipelineId: result.pipelineId };
}
