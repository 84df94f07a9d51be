import { DAY_MS, daysSince, liveDays, type DayText } from "./dates";
import { QualificationInputError } from "./errors";
import { criterionStatus, findEvidence } from "./evidence";
import { ROLE_LABELS } from "./gates";
import type { Framework, OpportunitySnapshot, Pipeline, StageDefinition, StakeholderRole } from "./model";
import { findStage } from "./pipeline";
import { plural } from "../vocabulary";

/** When a deal needs another look. All day counts are whole days before `now`. */
export interface RequalificationThresholds {
  /** No activity (or, without any activity, since creation) for more than this many days. */
  staleDealDays: number;
  /** A champion who engaged before but not for more than this many days. */
  silentChampionDays: number;
  /** A stakeholder never engaged this many days after being added. */
  newStakeholderGraceDays: number;
  /** Stages at or above this probability are "late" for the budget flag... */
  lateStageProbability: number;
  /** ...unless stage ids are listed here, which then decide alone. */
  lateStageIds?: string[];
  /** A close date slipped by more than this many days is critical. */
  closeDateSlipCriticalDays: number;
  /** Day-based flags turn critical past threshold × this multiplier. */
  criticalMultiplier: number;
}

export const DEFAULT_THRESHOLDS: RequalificationThresholds = {
  staleDealDays: 21,
  silentChampionDays: 14,
  newStakeholderGraceDays: 7,
  lateStageProbability: 0.5,
  closeDateSlipCriticalDays: 30,
  criticalMultiplier: 2,
};

export type Severity = "warning" | "critical";

interface FlagBase {
  severity: Severity;
  text: string;
}

export type Flag = FlagBase &
  (
    | { kind: "stale_deal"; daysSinceActivity: number }
    | { kind: "silent_champion"; contactId: string; daysSilent: number }
    | { kind: "close_date_past"; daysPast: number }
    | { kind: "close_date_slipped"; daysSlipped: number }
    | { kind: "budget_unconfirmed_late"; criterionId: string; stageId: string }
    | { kind: "stakeholder_never_engaged"; contactId: string; role: StakeholderRole; daysSinceAdded: number }
    /** `blocksNextGate`: the current stage's exit requires this criterion, so the stale evidence holds the deal. */
    | { kind: "evidence_stale"; criterionId: string; blocksNextGate: boolean }
  );

export type FlagKind = Flag["kind"];

interface Ctx {
  opportunity: OpportunitySnapshot;
  framework: Framework;
  stage: StageDefinition;
  t: RequalificationThresholds;
  now: Date;
  dayText: DayText;
}

function bySeverity(days: number, threshold: number, t: RequalificationThresholds): Severity {
  return days > threshold * t.criticalMultiplier ? "critical" : "warning";
}

function staleDeal({ opportunity, t, now, dayText }: Ctx): Flag[] {
  const from = opportunity.lastActivityAt ?? opportunity.createdAt;
  const days = daysSince(from, now);
  if (days <= t.staleDealDays) return [];
  const since = opportunity.lastActivityAt ? "last activity" : "creation, with no activity logged";
  return [
    {
      kind: "stale_deal",
      severity: bySeverity(days, t.staleDealDays, t),
      daysSinceActivity: days,
      text: `No activity for ${dayText(from, now, "count")} days (since ${since}); threshold ${t.staleDealDays}`,
    },
  ];
}

function silentChampions({ opportunity, t, now, dayText }: Ctx): Flag[] {
  const flags: Flag[] = [];
  for (const s of opportunity.stakeholders) {
    if (s.role !== "champion" || s.lastEngagedAt === null) continue;
    const days = daysSince(s.lastEngagedAt, now);
    if (days <= t.silentChampionDays) continue;
    flags.push({
      kind: "silent_champion",
      severity: bySeverity(days, t.silentChampionDays, t),
      contactId: s.contactId,
      daysSilent: days,
      text: `Champion ${s.name} silent for ${dayText(s.lastEngagedAt, now, "count")} days: re-engage or find a new champion`,
    });
  }
  return flags;
}

function closeDates({ opportunity, t, now, dayText }: Ctx): Flag[] {
  const flags: Flag[] = [];
  const expected = opportunity.expectedCloseDate;
  if (!expected) return flags;
  const past = daysSince(expected, now);
  if (past >= 1) {
    flags.push({
      kind: "close_date_past",
      severity: "critical",
      daysPast: past,
      text: `Expected close date passed ${dayText(expected, now, "days")} ago: update it or close the deal`,
    });
  }
  const original = opportunity.originalCloseDate;
  const slipped = original ? Math.floor((expected.getTime() - original.getTime()) / DAY_MS) : 0;
  if (slipped >= 1) {
    const severity = slipped > t.closeDateSlipCriticalDays ? "critical" : "warning";
    flags.push({
      kind: "close_date_slipped",
      severity,
      daysSlipped: slipped,
      text: `Close date slipped ${plural(slipped, "day")} from the original commitment`,
    });
  }
  return flags;
}

export function isLateStage(stage: StageDefinition, t: RequalificationThresholds): boolean {
  return t.lateStageIds ? t.lateStageIds.includes(stage.id) : stage.probability >= t.lateStageProbability;
}

/** "Budget", or "Budget (Economic buyer)" when another criterion stands for it. */
function budgetName(label: string): string {
  return label.toLowerCase() === "budget" ? "Budget" : `Budget (${label})`;
}

function budgetLate({ opportunity, framework, stage, t, now, dayText }: Ctx): Flag[] {
  const id = framework.budgetCriterionId;
  const def = id === undefined ? undefined : framework.criteria.find((c) => c.id === id);
  if (!def || !isLateStage(stage, t)) return [];
  const status = criterionStatus(def, findEvidence(opportunity, def.id), now, dayText);
  if (status.effectiveState === "verified") return [];
  return [
    {
      kind: "budget_unconfirmed_late",
      severity: "critical",
      criterionId: def.id,
      stageId: stage.id,
      text: `${budgetName(def.label)} still not verified at ${stage.label}: ${status.reason}`,
    },
  ];
}

function neverEngaged({ opportunity, t, now, dayText }: Ctx): Flag[] {
  const flags: Flag[] = [];
  for (const s of opportunity.stakeholders) {
    if (s.lastEngagedAt !== null) continue;
    const days = daysSince(s.addedAt, now);
    if (days <= t.newStakeholderGraceDays) continue;
    flags.push({
      kind: "stakeholder_never_engaged",
      severity: bySeverity(days, t.newStakeholderGraceDays, t),
      contactId: s.contactId,
      role: s.role,
      daysSinceAdded: days,
      text: `${ROLE_LABELS[s.role]} ${s.name} added ${dayText(s.addedAt, now, "count")} days ago and never engaged`,
    });
  }
  return flags;
}

function staleEvidence({ opportunity, framework, stage, now, dayText }: Ctx): Flag[] {
  const flags: Flag[] = [];
  for (const def of framework.criteria) {
    const status = criterionStatus(def, findEvidence(opportunity, def.id), now, dayText);
    if (status.effectiveState !== "stale") continue;
    const blocksNextGate = stage.exit.some((r) => r.kind === "criterion" && r.criterionId === def.id);
    const where = blocksNextGate ? ` and ${stage.label}'s exit gate needs it` : "";
    flags.push({
      kind: "evidence_stale",
      severity: blocksNextGate ? "critical" : "warning",
      criterionId: def.id,
      blocksNextGate,
      text: `${def.label} evidence is stale${where}: ${status.reason}`,
    });
  }
  return flags;
}

/** Reasons to re-qualify an open deal as of `now`, in a fixed order. Closed deals raise no flags. */
export function requalify(
  opportunity: OpportunitySnapshot,
  framework: Framework,
  pipeline: Pipeline,
  thresholds: RequalificationThresholds,
  now: Date,
  dayText: DayText = liveDays,
): Flag[] {
  const stage = findStage(pipeline, opportunity.stageId);
  if (!stage) throw new QualificationInputError(`Stage "${opportunity.stageId}" is not in the pipeline`);
  if (opportunity.status !== "open" || stage.kind !== "open") return [];
  const ctx: Ctx = { opportunity, framework, stage, t: thresholds, now, dayText };
  return [...staleDeal(ctx), ...silentChampions(ctx), ...closeDates(ctx), ...budgetLate(ctx), ...neverEngaged(ctx), ...staleEvidence(ctx)];
}
