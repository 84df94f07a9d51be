import "server-only";
import type { Framework, Pipeline } from "../../qualification";
import { db } from "../db";
import { loadQualificationSettings } from "../qualification/settings";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

export interface QualificationSetup {
  framework: Framework;
  pipeline: Pipeline;
  /** True while nothing is stored and the framework's default pipeline applies. */
  pipelineIsDefault: boolean;
  /** The longest a manager override may run, in days. */
  overrideMaxDays: number;
  /** The last recorded change to the pipeline or framework; its id also tells an editor its draft is outdated. */
  lastChange: { id: string; at: Date; by: string | null; action: string } | null;
}

/** What the qualification setup screen shows; every signed-in user may read it. */
export async function getQualificationSetup(user: SessionUser): Promise<QualificationSetup> {
  const [settings, lastChange] = await Promise.all([
    loadQualificationSettings(db(), user.organizationId),
    db().auditEvent.findFirst({
      where: inOrg(user, { entityType: "pipeline", entityId: user.organizationId }),
      orderBy: { at: "desc" },
      select: { id: true, at: true, action: true, actor: { select: { name: true } } },
    }),
  ]);
  return {
    framework: settings.framework,
    pipeline: settings.pipeline,
    pipelineIsDefault: settings.pipelineIsDefault,
    overrideMaxDays: settings.overrideMaxDays,
    lastChange: lastChange && { id: lastChange.id, at: lastChange.at, by: lastChange.actor?.name ?? null, action: lastChange.action },
  };
}
