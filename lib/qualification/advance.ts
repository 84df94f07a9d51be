import { isoDay } from "./dates";
import { QualificationInputError } from "./errors";
import type { FitResult } from "./fit";
import { checkGate, type Blocker, type GateContext } from "./gates";
import type { IntentResult } from "./intent";
import type { Framework, GateOverride, OpportunitySnapshot, Pipeline, StageDefinition } from "./model";
import { stageIndex } from "./pipeline";

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
 * gate; reopening a closed deal or moving back crosses none; moving forward crosses the exits from the current
 * stage up to (not including) the target.
 */
function plan(pipeline: Pipeline, fromId: string, toId: string): { direction: Direction; gates: StageDefinition[] } {
  const [from, i] = stageAt(pipeline, fromId);
  const [to, j] = stageAt(pipeline, toId);
  if (i === j) return { direction: "same", gates: [] };
  if (to.kind === "won") return { direction: "forward", gates: pipeline.stages.filter((s) => s.kind === "open") };
  if (to.kind === "lost") return { direction: "forward", gates: [] };
  if (from.kind !== "open" || j < i) return { direction: "backward", gates: [] };
  return { direction: "forward", gates: pipeline.stages.slice(i, j).filter((s) => s.kind === "open") };
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
  if (!allowed) return `Cannot move to ${to}: ${blockers} requirement(s) unmet`;
  if (overridden > 0) return `Can move to ${to} by manager override (${overridden} requirement(s) unmet but overridden)`;
  return `Can move to ${to}`;
}

/** Whether the opportunity may move to `toStageId` now, and if not, exactly what blocks it. */
export function canAdvance(input: CanAdvanceInput): CanAdvanceResult {
  const { pipeline, framework, opportunity, fit, now, toStageId } = input;
  const { direction, gates } = plan(pipeline, opportunity.stageId, toStageId);
  const ctx: GateContext = { framework, opportunity, fit, now, intent: input.intent };
  const blockers: Blocker[] = [];
  const overridden: Blocker[] = [];
  const ignoredOverrides: IgnoredOverride[] = [];
  for (const stage of gates) {
    const unmet = checkGate(stage, ctx);
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
    allowed, direction, fromStageId: opportunity.stageId, toStageId, gatesCrossed: gates.map((s) => s.id),
    blockers, overridden, ignoredOverrides, message: summary(allowed, toLabel, blockers.length, overridden.length),
  };
}
