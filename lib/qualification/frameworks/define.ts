import type { CriterionDefinition } from "../model";

/** Template criteria are opportunity-level; this keeps the template files to the facts that differ. */
export function opportunityCriterion(spec: Omit<CriterionDefinition, "level">): CriterionDefinition {
  return { level: "opportunity", ...spec };
}
