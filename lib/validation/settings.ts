import * as z from "zod/mini";
import type { TemplateKey } from "../qualification";
import { id, pipelineRef, plainText } from "./fields";
import { gateRequirementSchema } from "./qualification";
import { requirementKey } from "./requirement-key";

/** Frameworks an organization can switch to here, default first (a custom framework is defined elsewhere). */
export const TEMPLATE_KEYS = ["meddpicc", "meddicc", "bant", "spiced", "champ"] as const satisfies readonly TemplateKey[];

/** A stage's probability in percent, as the forms show it. */
export const percent = z
  .number({ error: "Probability must be a number." })
  .check(z.gte(0, "Probability must be between 0 and 100 %."), z.lte(100, "Probability must be between 0 and 100 %."));

const stageInput = z.object({
  id: id("Stage"),
  label: z.string({ error: "Name the stage." }).check(
    z.trim(),
    z.minLength(1, "Name the stage."),
    z.maxLength(60, "Keep the stage name under 60 characters."),
    z.refine((v) => plainText("Stage name", 60).safeParse(v).success, "The stage name contains characters that are not allowed."),
  ),
  /** Percent, as the form shows it; stored as 0..1. */
  probability: percent,
  exit: z.array(gateRequirementSchema).check(z.maxLength(30, "At most 30 exit requirements per stage.")),
});

/** The whole pipeline as edited: the same stages in the same order, with new labels, probabilities and gates. */
export const savePipelineSchema = z.object({
  pipelineId: pipelineRef,
  stages: z.array(stageInput).check(
    z.minLength(1, "The pipeline needs its stages."),
    z.maxLength(30),
    z.superRefine((stages, ctx) => {
      stages.forEach((stage, i) => {
        const seen = new Set<string>();
        stage.exit.forEach((r, j) => {
          const key = requirementKey(r);
          if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, "exit", j], message: `${stage.label} lists the same requirement twice.` });
          seen.add(key);
        });
      });
    }),
  ),
});
export type SavePipelineInput = z.infer<typeof savePipelineSchema>;

export const changeFrameworkSchema = z.object({
  pipelineId: pipelineRef,
  frameworkKey: z.enum(TEMPLATE_KEYS, { error: "Pick one of the framework templates." }),
  /** Switching replaces every stage gate, so the caller must say it knows. */
  confirmReset: z.literal(true, { error: "Confirm that the stage gates will be reset." }),
});
export type ChangeFrameworkInput = z.infer<typeof changeFrameworkSchema>;
