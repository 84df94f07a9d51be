// No "server-only" marker: creating an organization (seed, CLI) stores its first stages with this outside Next.
import type { Pipeline, ValidationIssue } from "../../qualification";
import { engineIssueKey, type PathErrors } from "../../validation/errors";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { asJson } from "../json";

/**
 * Replaces one pipeline's stored stages with `pipeline`, positions in order. Delete-then-insert inside the
 * caller's transaction: readers see either the old stages or the new ones, never a mix.
 */
export async function replaceStages(tx: Tx, organizationId: string, pipelineId: string, pipeline: Pipeline): Promise<void> {
  await tx.pipelineStage.deleteMany({ where: { organizationId, pipelineId } });
  await tx.pipelineStage.createMany({
    data: pipeline.stages.map((stage, position) => ({
      organizationId,
      pipelineId,
      key: stage.id,
      label: stage.label,
      position,
      probability: stage.probability,
      kind: stage.kind,
      exit: asJson(stage.exit),
    })),
  });
}

/** The engine's issues, phrased with the stage they concern, for the user and for the form's fields. */
export function invalidPipeline(issues: ValidationIssue[], pipeline: Pipeline): AppError {
  const fieldErrors: PathErrors = {};
  const sentences = issues.map((issue) => {
    const index = /^stages\[(\d+)\]/.exec(issue.path)?.[1];
    const stage = index === undefined ? undefined : pipeline.stages[Number(index)];
    const text = stage ? `${stage.label}: ${issue.message}` : issue.message;
    const key = engineIssueKey(issue.path);
    fieldErrors[key] = [...(fieldErrors[key] ?? []), text];
    return text;
  });
  return new AppError("INVALID", `The pipeline was not saved. ${sentences.join("; ")}.`, { fieldErrors });
}
