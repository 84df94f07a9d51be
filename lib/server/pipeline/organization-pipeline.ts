import "server-only";
import { cache } from "react";
import type { Pipeline } from "../../qualification";
import { db, type Tx } from "../db";
import { loadQualificationSettings } from "../qualification/settings";

/** The organization's pipeline, once per request. */
export const getOrganizationPipeline = cache(async (organizationId: string): Promise<Pipeline> => {
  return (await loadQualificationSettings(db(), organizationId)).pipeline;
});

/** Where new opportunities start: the first stage of the organization's pipeline. */
export async function firstStageId(tx: Tx, organizationId: string): Promise<string> {
  const { pipeline } = await loadQualificationSettings(tx, organizationId);
  const first = pipeline.stages[0];
  if (!first) throw new Error("The pipeline has no stages");
  return first.id;
}
