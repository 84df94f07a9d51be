import type { PrismaClient, Tx } from "../db";
import { Prisma } from "../generated/prisma/client";

/**
 * Whether a stored score is current or waiting for the background re-score ("pending") is derived from the
 * versions each row stores: a score computed with an older ICP, or (for an open deal) an older version of its
 * pipeline's qualification settings, is pending. A save that changes the ICP or a framework therefore marks every
 * affected score pending by bumping one version, whatever the organization's size. (Flagging the rows themselves
 * in the save's transaction touched 200,000 rows at 100k deals, took 14 s and outlived the transaction.)
 * Closed deals keep the scorecard they closed with and are never pending.
 */
export interface CurrentVersions {
  icp: number;
  /** Each pipeline's qualification version, by pipeline id. */
  pipelines: ReadonlyMap<string, number>;
}

export async function currentVersions(client: PrismaClient | Tx, organizationId: string): Promise<CurrentVersions> {
  const [icp, pipelines] = await Promise.all([
    client.icpVersion.aggregate({ where: { organizationId }, _max: { version: true } }),
    client.pipeline.findMany({ where: { organizationId }, select: { id: true, qualificationVersion: true } }),
  ]);
  return { icp: icp._max.version ?? 0, pipelines: new Map(pipelines.map((p) => [p.id, p.qualificationVersion])) };
}

export const accountScorePending = (stored: { icpVersion: number }, current: CurrentVersions): boolean => stored.icpVersion < current.icp;

export const dealScorePending = (
  deal: { status: string; pipelineId: string },
  stored: { icpVersion: number; qualificationVersion: number },
  current: CurrentVersions,
): boolean =>
  deal.status === "open" && (stored.icpVersion < current.icp || stored.qualificationVersion < (current.pipelines.get(deal.pipelineId) ?? 0));

/** `dealScorePending` as a filter on stored deal scores (open deals only). */
export function pendingDealScores(current: CurrentVersions): Prisma.OpportunityAssessmentWhereInput {
  return {
    opportunity: { status: "open" },
    OR: [
      { icpVersion: { lt: current.icp } },
      ...[...current.pipelines].map(([pipelineId, version]) => ({ qualificationVersion: { lt: version }, opportunity: { pipelineId } })),
    ],
  };
}

/**
 * `dealScorePending` as a SQL condition over a stored score `a` of a deal `o`, for raw reads. The versions are
 * bind parameters (an organization has a handful of pipelines), so the condition costs no lookup per row.
 */
export function pendingDealSql(current: CurrentVersions): Prisma.Sql {
  const pipelines = [...current.pipelines].map(
    ([pipelineId, version]) => Prisma.sql`(o."pipelineId" = ${pipelineId} AND a."qualificationVersion" < ${version})`,
  );
  const behind = pipelines.length > 0 ? Prisma.join(pipelines, " OR ") : Prisma.sql`FALSE`;
  return Prisma.sql`(o."status" = 'open' AND (a."icpVersion" < ${current.icp} OR ${behind}))`;
}
