import { isoDay, type DayText } from "./dates";
import { QualificationInputError } from "./errors";
import type { FitResult } from "./fit";
import { checkGate, type Blocker, type GateContext } from "./gates";
import type { IntentResult } from "./intent";
import type { Framework, GateOverride, OpportunitySnapshot, Pipeline, StageDefinition } from "./model";
import { stageIndex } from "./pipeline";
import type { VerdictKind } from "./verdict";
import { plural } from "../vocabulary";

export type Direction = "forward" | "backward" | "same";

export interface CanAdvanceInput {
  pipeline: Pipeline;
  framework: Framework;
  opportunity: OpportunitySnapshot;
  /** Null when the account has not been scored: any min_fit gate then blocks. */
  fit: FitResult | null;
  now: Date;
  toStageId: string;
  /** Pass it if already computed; otherwise it is computed when a min_intent gate needs it. */
  intent?: IntentResult;
  /** The deal's current verdict: a "not yet" (nurture) deal cannot move forward without an override. */
  verdict?: VerdictKind;
  /** How texts count days (`liveDays` when absent). */
  dayText?: DayText;
}

export interface IgnoredOverride {
  override: GateOverride;
  reason: string;
}

export interface CanAdvanceResult {
  allowed: boolean;
  direction: Direction;
  fromStageId: string;
  toStageId: string;
  /** Stage ids whose exit gates this move crosses, in pipeline order. */
  gatesCrossed: string[];
  /** Unmet requirements with no active override. Non-empty exactly when the move is refused. */
  blockers: Blocker[];
  /** Unmet requirements let through by an active manager override (never silent). */
  overridden: Blocker[];
  /** Overrides on crossed gates that were not applied, with why (expired, not yet in effect). */
  ignoredOverrides: IgnoredOverride[];
  message: string;
}

function stageAt(pipeline: Pipeline, id: string): [StageDefinition, number] {
  const i = stageIndex(pipeline, id);
  const stage = pipeline.stages[i];
  if (!stage) throw new QualificationInputError(`Stage "${id}" is not in the pipeline`);
  return [stage, i];
}

/**
 * Which gates a move crosses. Losing is always allowed and crosses none; winning crosses every open stage's
 * gate; moving back crosses none; moving forward crosses the exits from the current stage up to (not including)
 * the target. A lost deal reopens where it was lost (or earlier) freely; reopening further crosses the gates
 * from that stage on, so losing a deal is never a way around them. A deal lost from an unknown stage counts as
 * lost from the first stage.
 */
function plan(pipeline: Pipeline, opportunity: OpportunitySnapshot, toId: string): { direction: Direction; gates: StageDefinition[] } {
  const [from, i] = stageAt(pipeline, opportunity.stageId);
  const [to, j] = stageAt(pipeline, toId);
  if (i === j) return { direction: "same", gates: [] };
  if (to.kind === "won") return { direction: "forward", gates: pipeline.stages.filter((s) => s.kind === "open") };
  if (to.kind === "lost") return { direction: "forward", gates: [] };
  if (from.kind === "lost") {
    const lostFrom = opportunity.lostFromStageId ? stageIndex(pipeline, opportunity.lostFromStageId) : -1;
    const resume = pipeline.stages[lostFrom]?.kind === "open" ? lostFrom : 0;
    if (j <= resume) return { direction: "backward", gates: [] };
    return { direction: "forward", gates: pipeline.stages.slice(resume, j).filter((s) => s.kind === "open") };
  }
  if (from.kind !== "open" || j < i) return { direction: "backward", gates: [] };
  return { direction: "forward", gates: pipeline.stages.slice(i, j).filter((s) => s.kind === "open") };
}

/**
 * A "not yet" deal moving forward meets a hold on its current stage's gate (overridable like any blocker):
 * the prospect said no for now, so the rep moves it back to pursue first or a manager makes the exception.
 */
function notYetBlocker(gates: StageDefinition[]): Blocker | null {
  const stage = gates[0];
  if (!stage) return null;
  return {
    stageId: stage.id,
    requirement: null,
    code: "deal_not_yet",
    message: 'The verdict is "not yet": the prospect said no for now. Resolve what holds it (or get a manager override) before moving it forward',
  };
}

function isActive(o: GateOverride, now: Date): boolean {
  return o.createdAt.getTime() <= now.getTime() && now.getTime() < o.expiresAt.getTime();
}

/** The active override for a gate (the most recent one if several), plus the inactive ones with why. */
function overridesFor(stageId: string, all: GateOverride[], now: Date): { active: GateOverride | null; ignored: IgnoredOverride[] } {
  let active: GateOverride | null = null;
  const ignored: IgnoredOverride[] = [];
  for (const o of all) {
    if (o.stageId !== stageId) continue;
    if (isActive(o, now)) {
      if (!active || o.createdAt.getTime() > active.createdAt.getTime()) active = o;
    } else {
      const why = now.getTime() < o.createdAt.getTime() ? `not in effect until ${isoDay(o.createdAt)}` : `expired on ${isoDay(o.expiresAt)}`;
      ignored.push({ override: o, reason: `Override of the ${stageId} gate by ${o.by} ignored: ${why}` });
    }
  }
  return { active, ignored };
}

function summary(allowed: boolean, to: string, blockers: number, overridden: number): string {
  if (!allowed) return `Cannot move to ${to}: ${plural(blockers, "requirement")} unmet`;
  if (overridden > 0) return `Can move to ${to} by manager override (${plural(overridden, "requirement")} unmet but overridden)`;
  return `Can move to ${to}`;
}

/** Whether the opportunity may move to `toStageId` now, and if not, exactly what blocks it. */
export function canAdvance(input: CanAdvanceInput): CanAdvanceResult {
  const { pipeline, framework, opportunity, fit, now, toStageId } = input;
  const { direction, gates } = plan(pipeline, opportunity, toStageId);
  const ctx: GateContext = { framework, opportunity, fit, now, intent: input.intent, dayText: input.dayText };
  const blockers: Blocker[] = [];
  const overridden: Blocker[] = [];
  const ignoredOverrides: IgnoredOverride[] = [];
  const hold = direction === "forward" && input.verdict === "nurture" ? notYetBlocker(gates) : null;
  for (const stage of gates) {
    const unmet = checkGate(stage, ctx);
    if (hold?.stageId === stage.id) unmet.unshift(hold);
    const { active, ignored } = overridesFor(stage.id, opportunity.overrides, now);
    ignoredOverrides.push(...ignored);
    if (active) {
      const override = { by: active.by, reason: active.reason, expiresAt: active.expiresAt };
      for (const b of unmet) {
        b.override = override;
        overridden.push(b);
      }
    } else {
      blockers.push(...unmet);
    }
  }
  const allowed = blockers.length === 0;
  const toLabel = pipeline.stages.find((s) => s.id === toStageId)?.label ?? toStageId;
  return {
    allowed,
    direction,
    fromStageId: opportunity.stageId,
    toStageId,
    gatesCrossed: gates.map((s) => s.id),
    blockers,
    overridden,
    ignoredOverrides,
    message: summary(allowed, toLabel, blockers.length, overridden.length),
  };
}
