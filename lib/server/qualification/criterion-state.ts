import "server-only";
import type { EvidenceState, StakeholderRole } from "../../qualification";
import type { Tx } from "../db";
import { isUniqueViolation } from "../errors";
import type { SessionUser } from "../session";
import { emitEvent } from "../webhooks/emit";

/**
 * Moves a criterion from `from` to `to` only if it is still `from` (check-and-set), so concurrent writers of
 * the same transition cannot both record it. Returns false when someone else moved it first. Every transition
 * of an existing deal's criterion passes here, so this is also the one place `criterion.changed` is emitted.
 */
export async function setCriterionState(
  tx: Tx,
  change: { user: Pick<SessionUser, "id" | "organizationId">; opportunityId: string; criterionId: string; from: EvidenceState; to: EvidenceState },
): Promise<boolean> {
  const moved = await checkAndSet(tx, change);
  if (moved) {
    const { user, opportunityId, criterionId, from, to } = change;
    await emitEvent(tx, user.organizationId, "criterion.changed", { opportunityId, criterionId, from, to, actorId: user.id });
  }
  return moved;
}

async function checkAndSet(
  tx: Tx,
  {
    user,
    opportunityId,
    criterionId,
    from,
    to,
  }: { user: Pick<SessionUser, "id" | "organizationId">; opportunityId: string; criterionId: string; from: EvidenceState; to: EvidenceState },
): Promise<boolean> {
  const { count } = await tx.criterionState.updateMany({
    where: { opportunityId, criterionId, state: from },
    data: { state: to, updatedById: user.id },
  });
  if (count > 0) return true;
  if (from !== "unknown") return false;
  // An unknown criterion may have no row yet: creating it is the check-and-set (the unique key refuses a second one).
  try {
    await tx.criterionState.create({ data: { organizationId: user.organizationId, opportunityId, criterionId, state: to, updatedById: user.id } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** The roles a contact holds on a deal's buying committee (empty when they are not on it). */
export async function committeeRoles(tx: Tx, opportunityId: string, contactId: string): Promise<StakeholderRole[]> {
  const rows = await tx.stakeholder.findMany({ where: { opportunityId, contactId }, select: { role: true } });
  return rows.map((r) => r.role);
}
