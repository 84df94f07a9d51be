import * as z from "zod/mini";
import { STAKEHOLDER_ROLES } from "./options";
import { gateRequirementSchema } from "./qualification";
import { id, pipelineRef, plainText, requiredText } from "./fields";
import { percent } from "./settings";

/**
 * Inputs of the custom framework builder and the stage editor. Shapes and limits only: the engine's
 * `validate.ts` judges the framework and the pipeline themselves, and its issues come back on the same dotted
 * paths ("criteria.2.weight", "stages.1.probability").
 */

/** The qualification version the editor was opened on; a save against an older one is a conflict. */
const expectedVersion = z.number({ error: "Reload the page: the form does not say which version it edits." }).check(z.int(), z.gte(1));

const criterionInput = z.object({
  id: requiredText("Criterion id", 64),
  label: requiredText("Label", 80),
  description: z._default(plainText("Description", 500), ""),
  weight: z.number({ error: "Weight must be a number." }).check(z.gte(0, "Weight must be 0 or more."), z.lte(100, "Weight must be at most 100.")),
  knockout: z.boolean(),
  freshnessDays: z.nullable(
    z
      .number({ error: "Freshness must be a number of days." })
      .check(
        z.int("Freshness must be a whole number of days."),
        z.gte(1, "Freshness must be at least 1 day, or blank for never."),
        z.lte(3650, "Freshness must be at most 3650 days."),
      ),
  ),
  questions: z.array(requiredText("Each question", 300)).check(z.maxLength(10, "At most 10 questions per criterion.")),
  nurtureTrigger: z.optional(plainText("Trigger to watch for", 200)),
  /** Empty = anyone on the committee but a blocker may state it. */
  verifierRoles: z.array(z.enum(STAKEHOLDER_ROLES)).check(z.maxLength(STAKEHOLDER_ROLES.length)),
});

export const saveCustomFrameworkSchema = z.object({
  pipelineId: pipelineRef,
  expectedVersion,
  name: requiredText("Framework name", 60),
  criteria: z.array(criterionInput).check(z.maxLength(30, "At most 30 criteria.")),
  budgetCriterionId: z.optional(z.string().check(z.maxLength(64))),
  timingCriterionId: z.optional(z.string().check(z.maxLength(64))),
});
export type SaveCustomFrameworkInput = z.infer<typeof saveCustomFrameworkSchema>;

const editedStage = z.object({
  id: id("Stage id"),
  label: requiredText("Stage name", 60),
  /** Percent, as the form shows it. */
  probability: percent,
  kind: z.enum(["open", "won", "lost"], { error: "Pick open, won or lost." }),
  exit: z.array(gateRequirementSchema).check(z.maxLength(30, "At most 30 exit requirements per stage.")),
});

/** The pipeline as it should be (stages in order; added, renamed, reordered, removed), and where the deals of removed stages go. */
export const editStagesSchema = z.object({
  pipelineId: pipelineRef,
  expectedVersion,
  stages: z.array(editedStage).check(z.minLength(1, "The pipeline needs its stages."), z.maxLength(30, "At most 30 stages.")),
  destinations: z._default(z.record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(64))), {}),
});
export type EditStagesInput = z.infer<typeof editStagesSchema>;
