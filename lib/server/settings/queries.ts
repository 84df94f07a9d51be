import "server-only";
import type { CriterionDefinition, Framework, Pipeline } from "../../qualification";
import { db } from "../db";
import { loadQualificationSettings } from "../qualification/settings";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

export interface QualificationSetup {
  /** The pipeline being set up. */
  pipelineId: string;
  pipelineName: string;
  framework: Framework;
  pipeline: Pipeline;
  /** True while nothing is stored and the framework's default pipeline applies. */
  pipelineIsDefault: boolean;
  /** The longest a manager override may run, in days. */
  overrideMaxDays: number;
  /** The last recorded change to the pipeline or framework; its id also tells an editor its draft is outdated. */
  lastChange: { id: string; at: Date; by: string | null; action: string } | null;
  /** The settings version editors save against (a save from an older one is a conflict). */
  version: number;
  /** Criteria earlier versions of the custom framework had: no longer scored, their evidence kept. */
  archived: CriterionDefinition[];
  /** Deals (any status) per stage id, so the stage editor can ask where a removed stage's deals go. */
  dealsByStage: Record<string, number>;
}

/**
 * What the qualification setup screen shows for one pipeline (the first when none is named); every signed-in
 * user may read it. A pipeline of another organization is not found.
 */
export async function getQualificationSetup(user: SessionUser, pipelineId: string | null = null): Promise<QualificationSetup> {
  const settings = await loadQualificationSettings(db(), user.organizationId, pipelineId);
  const [lastChange, groups] = await Promise.all([
    db().auditEvent.findFirst({
      where: inOrg(user, { entityType: "pipeline", entityId: settings.pipelineId }),
      orderBy: { at: "desc" },
      select: { id: true, at: true, action: true, actor: { select: { name: true } } },
    }),
    db().opportunity.groupBy({ by: ["stage"], where: inOrg(user, { pipelineId: settings.pipelineId }), _count: { _all: true } }),
  ]);
  return {
    pipelineId: settings.pipelineId,
    pipelineName: settings.pipelineName,
    framework: settings.framework,
    pipeline: settings.pipeline,
    pipelineIsDefault: settings.pipelineIsDefault,
    overrideMaxDays: settings.overrideMaxDays,
    lastChange: lastChange && { id: lastChange.id, at: lastChange.at, by: lastChange.actor?.name ?? null, action: lastChange.action },
    version: settings.qualificationVersion,
    archived: settings.archived,
    dealsByStage: Object.fromEntries(groups.map((g) => [g.stage, g._count._all])),
  };
}
