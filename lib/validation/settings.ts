import * as z from "zod/mini";
import type { TemplateKey } from "../qualification";
import type { PathErrors } from "./errors";
import { id, pipelineRef, plainText } from "./fields";
import { gateRequirementSchema } from "./qualification";

/** Frameworks an organization can switch to here, default first (a custom framework is defined elsewhere). */
export const TEMPLATE_KEYS = ["meddpicc", "meddicc", "bant", "spiced", "champ"] as const satisfies readonly TemplateKey[];

type GateRequirementInput = z.infer<typeof gateRequirementSchema>;

/** Two requirements that ask the same thing (claimed vs verified of one criterion included) are a mistake, not a stricter gate. */
export function requirementKey(r: GateRequirementInput): string {
  switch (r.kind) {
    case "criterion":
      return `criterion:${r.criterionId}`;
    case "stakeholder":
      return `stakeholder:${r.role}`;
    case "min_fit":
    case "min_intent":
    case "champion_tested":
      return r.kind;
  }
}

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

// ── Nested errors: forms show them next to the field, keyed by a dotted path ("stages.2.probability"). ──

export type { PathErrors };

/** The engine's issue paths ("stages[2].exit[0]") in the same dotted form as zod's. */
export function engineIssueKey(path: string): string {
  return path.replace(/\[(\d+)\]/g, ".$1");
}

/** Every error at `prefix` or below it, for a row that shows its nested errors together. */
export function errorsUnder(errors: PathErrors, prefix: string): string[] {
  return Object.entries(errors).flatMap(([key, messages]) => (key === prefix || key.startsWith(`${prefix}.`) ? (messages ?? []) : []));
}
