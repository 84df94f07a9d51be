import "server-only";
import { archiveAfter, defaultGates, FRAMEWORKS, validatePipeline, type Pipeline, type StageDefinition } from "../../qualification";
import type { z } from "zod";
import type { overrideWindowSchema } from "../../validation/qualification";
import type { ChangeFrameworkInput, SavePipelineInput } from "../../validation/settings";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { enqueueRescore } from "../jobs/rescore";
import { prepareRescore } from "../qualification/rescore-organization";
import { loadQualificationSettings } from "../qualification/settings";
import { asJson } from "../json";
import type { SessionUser } from "../session";
import { invalidPipeline, replaceStages } from "./pipeline-rows";
import { targetPipeline } from "./versioned-save";

type OverrideWindowInput = z.infer<typeof overrideWindowSchema>;

const concurrentEdit = () =>
  new AppError("CONFLICT", "Someone else changed the pipeline while you were editing. Reload to see their changes, then apply yours again.");

/** Runs a settings write, turning a clash with a concurrent replace (same stage key or position) into a conflict. */
async function guarded<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw concurrentEdit();
    throw error;
  }
}

/**
 * Runs a settings transaction on one pipeline, then starts the background re-score it prepared. Its stages,
 * gates and framework feed the scores of its deals only: inside the transaction the pipeline's version is bumped
 * and those deals' stored scores marked pending (account fit does not depend on them).
 */
async function savingSettings<T extends object>(
  user: SessionUser,
  requested: string | undefined,
  trigger: string,
  write: (tx: Tx, pipelineId: string) => Promise<T>,
): Promise<T & { progressId: string }> {
  const result = await guarded(() =>
    db().$transaction(async (tx) => {
      const pipelineId = await targetPipeline(tx, user, requested);
      const value = await write(tx, pipelineId);
      await tx.pipeline.update({ where: { id: pipelineId }, data: { qualificationVersion: { increment: 1 } } });
      return { value, pipelineId, progressId: await prepareRescore(tx, user.organizationId, user.id) };
    }),
  );
  await enqueueRescore(db(), { organizationId: user.organizationId, progressId: result.progressId, trigger, pipelineId: result.pipelineId });
  return { ...result.value, progressId: result.progressId };
}

/**
 * The editor sends the current stages in their order; anything else is a wrong request, and the message says
 * what is wrong with it (stages are added, removed and reordered elsewhere, since deals point at them).
 */
function assertSameStages(sent: string[], current: string[]): void {
  const invalid = (message: string) => new AppError("INVALID", message, { fieldErrors: { stages: [message] } });
  const unknown = sent.filter((id) => !current.includes(id));
  if (unknown.length > 0)
    throw invalid(`${unknown.map((id) => `"${id}"`).join(", ")} ${unknown.length === 1 ? "is not a stage" : "are not stages"} of your pipeline.`);
  const twice = sent.filter((id, i) => sent.indexOf(id) !== i);
  if (twice.length > 0) throw invalid(`The stage "${twice[0]}" is listed more than once.`);
  const missing = current.filter((id) => !sent.includes(id));
  if (missing.length > 0) throw invalid(`Every stage must be listed; missing: ${missing.map((id) => `"${id}"`).join(", ")}.`);
  if (sent.some((id, i) => id !== current[i])) throw invalid("Stages cannot be reordered here; keep them in the pipeline's order.");
}

/**
 * Saves new labels, probabilities and exit gates for the organization's stages. Stage keys, order and kinds
 * are not editable here (deals point at the keys), so the input must name the current stages in order.
 */
export async function savePipeline(user: SessionUser, input: SavePipelineInput): Promise<Pipeline & { progressId: string }> {
  return savingSettings(user, input.pipelineId, "pipeline_change", async (tx, pipelineId) => {
    const settings = await loadQualificationSettings(tx, user.organizationId, pipelineId);
    const current = settings.pipeline.stages;
    assertSameStages(
      input.stages.map((s) => s.id),
      current.map((s) => s.id),
    );
    const kinds = new Map(current.map((s) => [s.id, s.kind]));
    const pipeline: Pipeline = {
      stages: input.stages.map((s): StageDefinition => ({
        id: s.id,
        label: s.label,
        probability: s.probability / 100,
        kind: kinds.get(s.id) ?? "open",
        exit: s.exit,
      })),
    };
    const issues = validatePipeline(pipeline, settings.framework);
    if (issues.length > 0) throw invalidPipeline(issues, pipeline);

    await replaceStages(tx, user.organizationId, pipelineId, pipeline);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "pipeline",
      entityId: pipelineId,
      action: "update",
      before: settings.pipeline,
      after: pipeline,
    });
    return pipeline;
  });
}

/**
 * Switches the organization to another framework template and resets every stage gate to that template's
 * defaults: the old gates name criteria the new framework may not have. Stage labels and probabilities stay.
 * The criteria the new template lacks are archived like a custom framework save archives them (deals keep their
 * evidence, and the history keeps naming them); the last custom spec is kept so switching back can start from it.
 */
export async function changeFramework(user: SessionUser, input: ChangeFrameworkInput): Promise<Pipeline & { progressId: string }> {
  return savingSettings(user, input.pipelineId, "framework_change", async (tx, pipelineId) => {
    const before = await loadQualificationSettings(tx, user.organizationId, pipelineId);
    const framework = FRAMEWORKS[input.frameworkKey];
    const gates = defaultGates(framework);
    const pipeline: Pipeline = {
      stages: before.pipeline.stages.map((s) => ({ ...s, exit: s.kind === "open" ? (gates[s.id] ?? []) : [] })),
    };
    const issues = validatePipeline(pipeline, framework);
    if (issues.length > 0) throw invalidPipeline(issues, pipeline);

    const row = await tx.pipeline.findUniqueOrThrow({ where: { id: pipelineId }, select: { customFramework: true } });
    const archived = archiveAfter(before.archived, before.framework, framework);
    const stored = { ...(row.customFramework as object | null), archived };
    await tx.pipeline.update({ where: { id: pipelineId }, data: { frameworkKey: input.frameworkKey, customFramework: asJson(stored) } });
    await replaceStages(tx, user.organizationId, pipelineId, pipeline);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "pipeline",
      entityId: pipelineId,
      action: "framework_change",
      before: { frameworkKey: before.framework.key, pipeline: before.pipeline },
      after: { frameworkKey: framework.key, pipeline, archived: archived.map((c) => c.id) },
    });
    return pipeline;
  });
}

/** How long a manager's gate override may run in this organization (default 90 days). */
export async function saveOverrideWindow(user: SessionUser, input: OverrideWindowInput): Promise<{ overrideMaxDays: number }> {
  return db().$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: user.organizationId }, select: { overrideMaxDays: true } });
    await tx.organization.update({ where: { id: user.organizationId }, data: { overrideMaxDays: input.overrideMaxDays } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "override",
      entityId: user.organizationId,
      action: "override_window",
      before,
      after: input,
    });
    return input;
  });
}
