import { verifierRoles } from "./basis";
import type { DayText } from "./dates";
import { checkRequirement, ROLE_LABELS, type Blocker, type GateContext } from "./gates";
import type { CriterionDefinition, Framework, GateRequirement, OpportunitySnapshot, Pipeline, Reason, StageDefinition } from "./model";
import { stageIndex } from "./pipeline";

type CriterionRequirement = Extract<GateRequirement, { kind: "criterion" }>;

/** One must-have the deal's stage requires and its evidence does not show. */
export interface StageEvidenceGap {
  criterionId: string;
  label: string;
  /** The exit gate that asks for it: the deal should have had it to get past that stage. */
  requiredAt: string;
  code: Blocker["code"];
  /** The discovery question (or the confirmation) that would close the gap. */
  ask: string;
}

export interface StageEvidenceCheck {
  stageLabel: string;
  /** True when the stage requires any criterion evidence at all. */
  checked: boolean;
  gaps: StageEvidenceGap[];
  /** Empty without gaps; else a summary in the framework's words, then one reason per gap with what to ask. */
  reasons: Reason[];
}

function roleNames(def: CriterionDefinition): string {
  const names = verifierRoles(def).map((r) => ROLE_LABELS[r].toLowerCase());
  return names.length <= 1 ? (names[0] ?? "buyer") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/** How the evidence falls short, after the criterion's label; the gate's own message says the rest best. */
const SHORTFALL: Partial<Record<Blocker["code"], string>> = {
  criterion_missing: "has no evidence",
  criterion_not_verified: "is only claimed",
  criterion_stale: "evidence has gone stale",
};

function shortfall(blocker: Blocker, def: CriterionDefinition, req: CriterionRequirement, gate: StageDefinition): string {
  const what = SHORTFALL[blocker.code];
  return what === undefined ? blocker.message : `${def.label} ${what}, and it must be ${req.atLeast} to leave ${gate.label}`;
}

function askFor(def: CriterionDefinition, code: Blocker["code"]): string {
  if (code === "criterion_basis_weak") return `Ask the ${roleNames(def)} to confirm it on a recap, or have a manager review it`;
  const question = def.questions[0] ?? `What do we know about ${def.label.toLowerCase()}?`;
  return `Ask: "${question}"`;
}

/**
 * The criterion evidence a deal must show to stand at its stage: every criterion requirement of the exit gates
 * it crossed to get there (the open stages before it), checked exactly as the gate checks them. Overrides do
 * not count: a manager may let a deal through, but that does not make the evidence exist. One gap per
 * criterion, from the latest gate that is unmet. A closed deal, or one at the first stage, is never checked.
 * A "no" is not reported here: the verdict has already made it "not yet" or "not a fit".
 */
export function stageEvidenceGaps(
  opportunity: OpportunitySnapshot,
  pipeline: Pipeline,
  framework: Framework,
  now: Date,
  dayText?: DayText,
): StageEvidenceCheck {
  const i = stageIndex(pipeline, opportunity.stageId);
  const stage = pipeline.stages[i];
  const empty: StageEvidenceCheck = { stageLabel: stage?.label ?? opportunity.stageId, checked: false, gaps: [], reasons: [] };
  if (!stage || stage.kind !== "open" || opportunity.status !== "open") return empty;
  const crossed: StageDefinition[] = pipeline.stages
    .slice(0, i)
    .filter((s) => s.kind === "open")
    .reverse();
  const ctx: GateContext = { framework, opportunity, fit: null, now, dayText };
  const found = new Map<string, { def: CriterionDefinition; req: CriterionRequirement; blocker: Blocker; gate: StageDefinition }>();
  let checked = false;
  for (const gate of crossed) {
    for (const req of gate.exit) {
      if (req.kind !== "criterion") continue;
      checked = true;
      const def = framework.criteria.find((c) => c.id === req.criterionId);
      if (!def || found.has(def.id)) continue;
      const blocker = checkRequirement(req, gate, ctx);
      if (blocker && blocker.code !== "criterion_negative") found.set(def.id, { def, req, blocker, gate });
    }
  }
  // Framework order, so the reasons read the way the scorecard lists the criteria.
  const missing = framework.criteria.flatMap((c) => found.get(c.id) ?? []);
  const gaps = missing.map(({ def, blocker, gate }): StageEvidenceGap => ({
    criterionId: def.id,
    label: def.label,
    requiredAt: gate.id,
    code: blocker.code,
    ask: askFor(def, blocker.code),
  }));
  if (gaps.length === 0) return { ...empty, checked };
  const summary: Reason = {
    code: "unproven",
    text: `At ${stage.label} without the evidence a deal there needs: ${gaps.map((g) => g.label).join(", ")}`,
  };
  const each = missing.map(({ def, req, blocker, gate }): Reason => ({
    code: "stage_evidence_missing",
    criterionId: def.id,
    text: `${shortfall(blocker, def, req, gate)}. ${askFor(def, blocker.code)}`,
  }));
  return { stageLabel: stage.label, checked, gaps, reasons: [summary, ...each] };
}
