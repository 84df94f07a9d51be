import type { Framework } from "@/lib/qualification";
import type { SaveCustomFrameworkInput } from "@/lib/validation/framework-setup";
import type { CriterionDraft } from "./criterion-fields";

/** The framework builder's draft: every field as typed, so half-typed numbers and lists survive re-renders. */
export interface Draft {
  name: string;
  criteria: CriterionDraft[];
}

const num = (raw: string) => (raw.trim() === "" ? Number.NaN : Number(raw.trim()));

export function toInput(draft: Draft, version: number, pipelineId: string): SaveCustomFrameworkInput {
  return {
    pipelineId,
    expectedVersion: version,
    name: draft.name,
    criteria: draft.criteria.map((c) => ({
      id: c.id.trim(),
      label: c.label,
      description: c.description,
      weight: num(c.weight),
      knockout: c.knockout,
      freshnessDays: c.freshnessDays.trim() === "" ? null : num(c.freshnessDays),
      questions: c.questions
        .split("\n")
        .map((q) => q.trim())
        .filter(Boolean),
      ...(c.nurtureTrigger.trim() && { nurtureTrigger: c.nurtureTrigger }),
      verifierRoles: c.verifierRoles,
    })),
  };
}

/** The draft as the engine will see it, for the live preview. */
export const toFramework = (input: SaveCustomFrameworkInput): Framework => ({
  key: "custom",
  name: input.name,
  criteria: input.criteria.map((c) => ({
    ...c,
    level: "opportunity" as const,
    verifierRoles: c.verifierRoles.length > 0 ? c.verifierRoles : undefined,
  })),
});
