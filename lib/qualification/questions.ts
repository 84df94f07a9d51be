import { criterionStatus, findEvidence, meets, type CriterionStatus } from "./evidence";
import type { FitResult, RuleResult } from "./fit";
import type { IcpRuleKind } from "./icp";
import type { CriterionDefinition, CriterionLevel, Framework, OpportunitySnapshot, Pipeline, StageDefinition } from "./model";
import { findStage } from "./pipeline";

export interface Question {
  /** Framework criterion id, or ICP rule id for organization-level questions. */
  criterionId: string;
  label: string;
  level: CriterionLevel;
  question: string;
  followUps: string[];
  reason: string;
  /** 1 = ask first. */
  priority: number;
  /** True when the answer is needed to pass the current stage's exit gate. */
  blocking: boolean;
}

export interface NextQuestionsInput {
  framework: Framework;
  pipeline: Pipeline;
  opportunity: OpportunitySnapshot;
  /** When given, unknown ICP rules become account questions (blocking if a min_fit gate fails). */
  fit?: FitResult | null;
  now: Date;
  /** Default 5. */
  limit?: number;
}

const RULE_QUESTIONS: Record<IcpRuleKind, string> = {
  industry_in: "Which industry is the company in?",
  employee_range: "How many employees does the company have?",
  region_in: "Which region is the company based in?",
  country_in: "Which country is the company headquartered in?",
  tech_includes: "Which tools and systems does the team use today?",
  tech_excludes: "Which tools and systems does the team use today?",
  funding_stage_in: "How is the company funded, and what was the last round?",
  hiring_signals: "Is the company hiring for this area, and for which roles?",
};

/** A question before ranking: `rank` orders the groups (lower first), `weight` orders within a group. */
interface Candidate {
  q: Question;
  rank: number;
  weight: number;
}

function fromCriterion(def: CriterionDefinition, status: CriterionStatus, blocking: boolean, why: string, rank: number): Candidate {
  const question = def.questions[0] ?? `What do we know about ${def.label.toLowerCase()}?`;
  const q: Question = {
    criterionId: def.id,
    label: def.label,
    level: def.level,
    question,
    followUps: def.questions.slice(1),
    reason: `${why}: ${status.reason}`,
    priority: 0,
    blocking,
  };
  return { q, rank, weight: def.weight };
}

function fromRule(rule: RuleResult, blocking: boolean): Candidate {
  const why = blocking ? "Unknown ICP data while fit blocks the next stage" : "Unknown ICP data";
  const q: Question = {
    criterionId: rule.ruleId,
    label: rule.label,
    level: "organization",
    question: RULE_QUESTIONS[rule.kind],
    followUps: [],
    reason: `${why}: ${rule.reason}`,
    priority: 0,
    blocking,
  };
  return { q, rank: blocking ? 1 : 4, weight: rule.weight };
}

/** Criteria the current exit gate requires and the evidence does not yet satisfy (a "no" cannot be asked away). */
function blockingCriteria(stage: StageDefinition | undefined, statuses: Map<string, CriterionStatus>): Set<string> {
  const ids = new Set<string>();
  for (const req of stage?.exit ?? []) {
    if (req.kind !== "criterion") continue;
    const s = statuses.get(req.criterionId);
    if (s && s.effectiveState !== "negative" && !meets(s, req.atLeast)) ids.add(req.criterionId);
  }
  return ids;
}

/** Rank 0 = blocks the gate, 2 = unknown or stale, 3 = claimed only or an old "no" worth re-asking. */
function weakRank(s: CriterionStatus): number | null {
  if (s.effectiveState === "unknown" || s.effectiveState === "stale") return 2;
  if (s.effectiveState === "claimed" || (s.effectiveState === "negative" && !s.fresh)) return 3;
  return null;
}

function criterionCandidates(framework: Framework, stage: StageDefinition | undefined, opportunity: OpportunitySnapshot, now: Date): Candidate[] {
  const statuses = new Map<string, CriterionStatus>();
  for (const d of framework.criteria) statuses.set(d.id, criterionStatus(d, findEvidence(opportunity, d.id), now));
  const blocking = blockingCriteria(stage, statuses);
  const out: Candidate[] = [];
  for (const def of framework.criteria) {
    const s = statuses.get(def.id);
    if (!s) continue;
    if (blocking.has(def.id)) {
      out.push(fromCriterion(def, s, true, `Needed to leave ${stage?.label ?? "this stage"}`, 0));
      continue;
    }
    const rank = weakRank(s);
    if (rank !== null) out.push(fromCriterion(def, s, false, rank === 2 ? "Gap in qualification" : "Worth confirming", rank));
  }
  return out;
}

function ruleCandidates(fit: FitResult | null | undefined, stage: StageDefinition | undefined): Candidate[] {
  if (!fit) return [];
  const fitBlocks = (stage?.exit ?? []).some((r) => r.kind === "min_fit" && fit.score < r.score);
  return fit.rules.filter((r) => r.outcome === "unknown").map((r) => fromRule(r, fitBlocks));
}

/**
 * The questions a rep should ask next: those whose answers unblock the current stage's exit gate first, then
 * other gaps, heaviest criteria first within each group. One entry per criterion, with follow-ups.
 */
export function nextQuestions(input: NextQuestionsInput): Question[] {
  const { framework, pipeline, opportunity, fit, now, limit = 5 } = input;
  const stage = findStage(pipeline, opportunity.stageId);
  const gate = stage?.kind === "open" ? stage : undefined;
  const candidates = [...criterionCandidates(framework, gate, opportunity, now), ...ruleCandidates(fit, gate)];
  // Stable sort: ties keep framework order, then ICP rule order.
  candidates.sort((a, b) => a.rank - b.rank || b.weight - a.weight);
  const top = candidates.slice(0, Math.max(0, limit));
  return top.map((c, i) => {
    c.q.priority = i + 1;
    return c.q;
  });
}
