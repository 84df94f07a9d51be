import "server-only";
import type { Tx } from "../db";

/**
 * Serializes changes to one criterion of one deal until the transaction ends, so that parallel writers read
 * its state one after the other and record each transition exactly once. An advisory lock, because the
 * criterion's state row may not exist yet (nothing to SELECT … FOR UPDATE).
 */
export async function lockCriterion(tx: Tx, opportunityId: string, criterionId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`criterion:${opportunityId}:${criterionId}`}))`;
}
