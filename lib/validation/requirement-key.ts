import type * as z from "zod/mini";
import type { gateRequirementSchema } from "./qualification";

// Apart from the schemas (and free of zod at run time), so the stage editor can key its rows without loading them.

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
