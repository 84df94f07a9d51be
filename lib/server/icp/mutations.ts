import "server-only";
import type { SaveIcpInput } from "../../validation/icp";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { asJson } from "../json";
import { enqueueRescore } from "../jobs/rescore";
import { prepareRescore } from "../qualification/rescore-organization";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";
import { assertValidIcp, toIcpDefinition } from "./definition";

const newerVersion = (latest: number, basedOn: number) =>
  new AppError(
    "CONFLICT",
    `Someone saved ICP version ${latest} while you were editing version ${basedOn}. Reload to see it, then apply your changes again.`,
  );

/**
 * Saves an edit as a new version (last + 1). Old versions are never changed, so every fit score can be traced
 * back to the rules that produced it. Every stored score is marked pending in the same transaction, and a
 * background re-score of all accounts and deals starts once it commits; `progressId` lets the saver follow it.
 */
export async function createIcpVersion(user: SessionUser, input: SaveIcpInput) {
  let saved;
  try {
    saved = await db().$transaction(async (tx) => {
      const latest = await tx.icpVersion.findFirst({ where: inOrg(user), orderBy: { version: "desc" } });
      const latestVersion = latest?.version ?? 0;
      if (latestVersion !== input.basedOnVersion) throw newerVersion(latestVersion, input.basedOnVersion);
      const icp = toIcpDefinition(input, latestVersion + 1);
      assertValidIcp(icp);

      const row = await tx.icpVersion.create({
        data: {
          organizationId: user.organizationId,
          version: icp.version,
          rules: asJson(input.rules),
          pursueThreshold: input.pursueThreshold,
          disqualifyBelow: input.disqualifyBelow,
          note: input.note || null,
          createdById: user.id,
        },
      });
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        entityType: "icp",
        entityId: row.id,
        action: "create",
        before: latest ?? undefined,
        after: row,
        reason: row.note,
      });
      const progressId = await prepareRescore(tx, user.organizationId, user.id);
      return { row, progressId };
    });
  } catch (error) {
    // Two saves on the same version race for the same (organization, version) row; the loser is told, not overwritten.
    if (isUniqueViolation(error)) throw newerVersion(input.basedOnVersion + 1, input.basedOnVersion);
    throw error;
  }
  await enqueueRescore(db(), { organizationId: user.organizationId, progressId: saved.progressId, trigger: "icp_change" });
  return { ...saved.row, progressId: saved.progressId };
}
