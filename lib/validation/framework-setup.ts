import { z } from "zod";
import { gateRequirementSchema, STAKEHOLDER_ROLES } from "./qualification";
import { id, pipelineRef, plainText, requiredText } from "./fields";

/**
 * Inputs of the custom framework builder and the stage editor. Shapes and limits only: the engine's
 * `validate.ts` judges the framework and the pipeline themselves, and its issues come back on the same dotted
 * paths ("criteria.2.weight", "stages.1.probability").
 */

/** The qualification version the editor was opened on; a save against an older one is a conflict. */
const expectedVersion = z.number({ error: "Reload the page: the form does not say which version it edits." }).int().min(1);

const criterionInput = z.object({
  id: requiredText("Criterion id", 64),
  label: requiredText("Label", 80),
  description: plainText("Description", 500).default(""),
  weight: z.number({ error: "Weight must be a number." }).min(0, "Weight must be 0 or more.").max(100, "Weight must be at most 100."),
  knockout: z.boolean(),
  freshnessDays: z
    .number({ error: "Freshness must be a number of days." })
    .int("Freshness must be a whole number of days.")
    .min(1, "Freshness must be at least 1 day, or blank for never.")
    .max(3650, "Freshness must be at most 3650 days.")
    .nullable(),
  questions: z.array(requiredText("Each question", 300)).max(10, "At most 10 questions per criterion."),
  nurtureTrigger: plainText("Trigger to watch for", 200).optional(),
  /** Empty = anyone on the committee but a blocker may state it. */
  verifierRoles: z.array(z.enum(STAKEHOLDER_ROLES)).max(STAKEHOLDER_ROLES.length),
});

export const saveCustomFrameworkSchema = z.object({
  pipelineId: pipelineRef,
  expectedVersion,
  name: requiredText("Framework name", 60),
  criteria: z.array(criterionInput).max(30, "At most 30 criteria."),
  budgetCriterionId: z.string().max(64).optional(),
  timingCriterionId: z.string().max(64).optional(),
});
export type SaveCustomFrameworkInput = z.infer<typeof saveCustomFrameworkSchema>;

const editedStage = z.object({
  id: id("Stage id"),
  label: requiredText("Stage name", 60),
  /** Percent, as the form shows it. */
  probability: z
    .number({ error: "Probability must be a number." })
    .min(0, "Probability must be between 0 and 100 %.")
    .max(100, "Probability must be between 0 and 100 %."),
  kind: z.enum(["open", "won", "lost"], { error: "Pick open, won or lost." }),
  exit: z.array(gateRequirementSchema).max(30, "At most 30 exit requirements per stage."),
});

/** The pipeline as it should be (stages in order; added, renamed, reordered, removed), and where the deals of removed stages go. */
export const editStagesSchema = z.object({
  pipelineId: pipelineRef,
  expectedVersion,
  stages: z.array(editedStage).min(1, "The pipeline needs its stages.").max(30, "At most 30 stages."),
  destinations: z.record(z.string().max(64), z.string().max(64)).default({}),
});
export type EditStagesInput = z.infer<typeof editStagesSchema>;
