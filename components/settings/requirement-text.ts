import { MIN_BASIS_LABEL, ROLE_LABELS, type GateRequirement } from "@/lib/qualification";

/** One exit requirement as a manager would say it. `criterionLabel` names criteria of the current framework. */
export function describeRequirement(r: GateRequirement, criterionLabel: (id: string) => string): string {
  switch (r.kind) {
    case "criterion":
      if (r.atLeast !== "verified") return `${criterionLabel(r.criterionId)} is at least claimed`;
      return r.basis ? `${criterionLabel(r.criterionId)} is verified — ${MIN_BASIS_LABEL[r.basis]}` : `${criterionLabel(r.criterionId)} is verified`;
    case "min_fit":
      return `Account fit is at least ${r.score}`;
    case "min_intent":
      return `Deal intent is at least ${r.score}`;
    case "stakeholder": {
      const who = `${ROLE_LABELS[r.role]} is on the buying committee`;
      return r.engagedWithinDays === undefined
        ? who
        : `${who}, engaged in the last ${r.engagedWithinDays} day${r.engagedWithinDays === 1 ? "" : "s"}`;
    }
    case "champion_tested":
      return "The champion has been tested";
  }
}

/** Labels by criterion id; an id the framework does not define shows as itself, quoted, so the mistake is visible. */
export function criterionLabeller(criteria: ReadonlyArray<{ id: string; label: string }>): (id: string) => string {
  const labels = new Map(criteria.map((c) => [c.id, c.label]));
  return (id) => labels.get(id) ?? `"${id}" (not in this framework)`;
}
