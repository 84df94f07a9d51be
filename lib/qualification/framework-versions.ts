import { scoreIntent, type IntentResult } from "./intent";
import type { CriterionDefinition, EvidenceState, Framework, OpportunitySnapshot, Pipeline } from "./model";
import { validateFramework, type ValidationIssue } from "./validate";

/** What a framework save changes, by criterion id. */
export interface FrameworkChange {
  added: string[];
  /** Gone from the framework: archived, their evidence kept. */
  removed: string[];
  /** Same id, different definition (label, weight, must-have, freshness, questions…). */
  changed: string[];
}

const sameDefinition = (a: CriterionDefinition, b: CriterionDefinition) => JSON.stringify(a) === JSON.stringify(b);

export function diffFrameworks(before: Framework, after: Framework): FrameworkChange {
  const old = new Map(before.criteria.map((c) => [c.id, c]));
  const next = new Set(after.criteria.map((c) => c.id));
  const added: string[] = [];
  const changed: string[] = [];
  for (const c of after.criteria) {
    const previous = old.get(c.id);
    if (!previous) added.push(c.id);
    else if (!sameDefinition(previous, c)) changed.push(c.id);
  }
  return { added, removed: before.criteria.filter((c) => !next.has(c.id)).map((c) => c.id), changed };
}

/**
 * The criteria a framework no longer scores but whose evidence deals still hold: the earlier archive plus what
 * this save removed (its last definition), minus what it brought back. Nothing is ever dropped from it, so the
 * history of a removed criterion can always be shown with its label.
 */
export function archiveAfter(archive: readonly CriterionDefinition[], before: Framework, after: Framework): CriterionDefinition[] {
  const live = new Set(after.criteria.map((c) => c.id));
  const byId = new Map<string, CriterionDefinition>();
  for (const c of archive) byId.set(c.id, c);
  for (const c of before.criteria) byId.set(c.id, c);
  return [...byId.values()].filter((c) => !live.has(c.id));
}

export interface DroppedGate {
  stageId: string;
  criterionId: string;
}

/**
 * `pipeline` without the criterion requirements the framework no longer defines (a gate on a criterion nobody
 * can record would block every deal forever). Every dropped requirement is listed, so the caller can say so.
 */
export function pruneGates(pipeline: Pipeline, framework: Framework): { pipeline: Pipeline; dropped: DroppedGate[] } {
  const ids = new Set(framework.criteria.map((c) => c.id));
  const dropped: DroppedGate[] = [];
  const stages = pipeline.stages.map((stage) => ({
    ...stage,
    exit: stage.exit.filter((r) => {
      if (r.kind !== "criterion" || ids.has(r.criterionId)) return true;
      dropped.push({ stageId: stage.id, criterionId: r.criterionId });
      return false;
    }),
  }));
  return { pipeline: { stages }, dropped };
}

/** A made-up open deal with the given state per criterion (unknown when absent), evidence recorded today. */
export function sampleDeal(framework: Framework, states: Readonly<Record<string, EvidenceState>>, now: Date): OpportunitySnapshot {
  return {
    id: "sample",
    stageId: "sample",
    status: "open",
    amount: 0,
    repConfidence: null,
    expectedCloseDate: null,
    createdAt: now,
    lastActivityAt: now,
    stakeholders: [],
    overrides: [],
    criteria: framework.criteria.map((c) => {
      const state = states[c.id] ?? "unknown";
      const evidence =
        state === "unknown" ? [] : [{ excerpt: "Sample", capturedAt: now, ...(state === "verified" && { verifiedAt: now, verifiedBy: "sample" }) }];
      return { criterionId: c.id, state, evidence };
    }),
  };
}

export type ScorecardPreview = { ok: true; intent: IntentResult } | { ok: false; issues: ValidationIssue[] };

/** The scorecard a draft framework would give the sample deal, or why the draft cannot be scored yet. */
export function previewScorecard(framework: Framework, states: Readonly<Record<string, EvidenceState>>, now: Date): ScorecardPreview {
  const issues = validateFramework(framework);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, intent: scoreIntent(framework, sampleDeal(framework, states, now), now) };
}
