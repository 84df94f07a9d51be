import "server-only";
import {
  archiveAfter,
  diffFrameworks,
  pruneGates,
  validateFramework,
  type CriterionDefinition,
  type DroppedGate,
  type Framework,
  type FrameworkChange,
  type ValidationIssue,
} from "../../qualification";
import type { SaveCustomFrameworkInput } from "../../validation/framework-setup";
import { engineIssueKey, type PathErrors } from "../../validation/errors";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { asJson } from "../json";
import { loadQualificationSettings, type StoredCustomFramework } from "../qualification/settings";
import type { SessionUser } from "../session";
import { replaceStages } from "./pipeline-rows";
import { savingVersioned } from "./versioned-save";

/** The form's criterion as the engine defines it (custom criteria are opportunity-level, like the templates'). */
function toDefinition(c: SaveCustomFrameworkInput["criteria"][number]): CriterionDefinition {
  return {
    id: c.id,
    label: c.label,
    level: "opportunity",
    weight: c.weight,
    knockout: c.knockout,
    freshnessDays: c.freshnessDays,
    description: c.description,
    questions: c.questions,
    ...(c.nurtureTrigger?.trim() && { nurtureTrigger: c.nurtureTrigger.trim() }),
    ...(c.verifierRoles.length > 0 && { verifierRoles: c.verifierRoles }),
  };
}

function draftFramework(input: Omit<SaveCustomFrameworkInput, "expectedVersion" | "pipelineId">): Framework {
  return {
    key: "custom",
    name: input.name,
    criteria: input.criteria.map(toDefinition),
    ...(input.budgetCriterionId && { budgetCriterionId: input.budgetCriterionId }),
    ...(input.timingCriterionId && { timingCriterionId: input.timingCriterionId }),
  };
}

/** The engine's issues on the form's dotted paths ("criteria.2.weight"), and one sentence for the top of the form. */
function invalidFramework(issues: ValidationIssue[], framework: Framework): AppError {
  const fieldErrors: PathErrors = {};
  const sentences = issues.map((issue) => {
    const index = /^criteria\[(\d+)\]/.exec(issue.path)?.[1];
    const criterion = index === undefined ? undefined : framework.criteria[Number(index)];
    const text = criterion ? `${criterion.label || `Criterion ${Number(index) + 1}`}: ${issue.message}` : issue.message;
    const key = engineIssueKey(issue.path);
    fieldErrors[key] = [...(fieldErrors[key] ?? []), text];
    return text;
  });
  return new AppError("INVALID", `The framework was not saved. ${sentences.join("; ")}.`, { fieldErrors });
}

export interface SavedFramework {
  change: FrameworkChange;
  archived: string[];
  droppedGates: DroppedGate[];
}

/**
 * Saves the organization's own framework as a new version. Deals keep every piece of evidence: a criterion
 * removed here is archived (its definition kept, its evidence still shown in the deal's history) and stops
 * counting; a stage gate that named it is dropped, and the save says which. Every deal is re-scored.
 */
export async function saveCustomFramework(user: SessionUser, input: SaveCustomFrameworkInput) {
  const framework = draftFramework(input);
  const issues = validateFramework(framework);
  if (issues.length > 0) throw invalidFramework(issues, framework);

  return savingVersioned(user, input, "framework_change", async (tx, pipelineId): Promise<SavedFramework> => {
    const before = await loadQualificationSettings(tx, user.organizationId, pipelineId);
    const archived = archiveAfter(before.archived, before.framework, framework);
    const { pipeline, dropped } = pruneGates(before.pipeline, framework);
    const { key: _key, ...spec } = framework;
    const stored: StoredCustomFramework = { ...spec, archived };
    await tx.pipeline.update({ where: { id: pipelineId }, data: { frameworkKey: "custom", customFramework: asJson(stored) } });
    await replaceStages(tx, user.organizationId, pipelineId, pipeline);
    const change = diffFrameworks(before.framework, framework);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "pipeline",
      entityId: pipelineId,
      action: "framework_custom",
      before: { frameworkKey: before.framework.key, framework: before.framework },
      after: { frameworkKey: "custom", framework, change, archived: archived.map((c) => c.id), droppedGates: dropped },
    });
    return { change, archived: archived.map((c) => c.id), droppedGates: dropped };
  });
}
