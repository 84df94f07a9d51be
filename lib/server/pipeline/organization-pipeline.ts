import "server-only";
import { cache } from "react";
import type { Pipeline } from "../../qualification";
import { db, type Tx } from "../db";
import { loadQualificationSettings } from "../qualification/settings";

/** A pipeline's stages (the organization's first pipeline for null), once per request. */
export const getOrganizationPipeline = cache(async (organizationId: string, pipelineId: string | null = null): Promise<Pipeline> => {
  return (await loadQualificationSettings(db(), organizationId, pipelineId)).pipeline;
});

/**
 * Where a new deal starts: the first stage of the chosen pipeline (the organization's first pipeline when none is
 * chosen). A pipeline of another organization is not found.
 */
export async function firstStageOf(tx: Tx, organizationId: string, pipelineId: string | null): Promise<{ pipelineId: string; stage: string }> {
  const settings = await loadQualificationSettings(tx, organizationId, pipelineId);
  const first = settings.pipeline.stages[0];
  if (!first) throw new Error("The pipeline has no stages");
  return { pipelineId: settings.pipelineId, stage: first.id };
}
