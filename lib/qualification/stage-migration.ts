import type { Pipeline, StageDefinition } from "./model";
import { stageIndex } from "./pipeline";

/**
 * Rules for editing a pipeline that deals already sit in. Stages are named by id: a stage kept under the same
 * id is the same stage (its label, probability and exit may change); a stage whose id is gone is removed, and
 * its deals need a destination of the same kind.
 */

export type StageMigrationIssueCode = "destination_missing" | "destination_unknown" | "destination_kind";

export interface StageMigrationIssue {
  stageId: string;
  code: StageMigrationIssueCode;
  message: string;
}

export interface StageMove {
  from: string;
  to: string;
  deals: number;
}

export interface StageMigrationPlan {
  removed: string[];
  added: string[];
  /** Removed stages that hold deals, and where those deals go. */
  moves: StageMove[];
  /** Empty when the plan can be applied. */
  issues: StageMigrationIssue[];
}

/**
 * Which stages the edit removes and adds, and where the deals of each removed stage go. A removed stage with
 * deals needs a destination that is kept in the new pipeline and has the same kind (an open deal must not be
 * closed by a settings edit, nor a won deal reopened).
 */
export function planStageMigration(
  before: Pipeline,
  after: Pipeline,
  dealsByStage: Readonly<Record<string, number>>,
  destinations: Readonly<Record<string, string>>,
): StageMigrationPlan {
  const kept = new Map(after.stages.map((s) => [s.id, s]));
  const old = new Set(before.stages.map((s) => s.id));
  const removed = before.stages.filter((s) => !kept.has(s.id));
  const moves: StageMove[] = [];
  const issues: StageMigrationIssue[] = [];
  for (const stage of removed) {
    const deals = dealsByStage[stage.id] ?? 0;
    if (deals === 0) continue;
    const to = destinations[stage.id];
    const target = to === undefined ? undefined : kept.get(to);
    if (to === undefined || to === "") {
      issues.push({
        stageId: stage.id,
        code: "destination_missing",
        message: `${stage.label} holds ${deals} deal(s): choose the stage they move to`,
      });
    } else if (!target) {
      issues.push({ stageId: stage.id, code: "destination_unknown", message: `"${to}" is not a stage of the new pipeline` });
    } else if (target.kind !== stage.kind) {
      issues.push({
        stageId: stage.id,
        code: "destination_kind",
        message: `${stage.label} is a${stage.kind === "open" ? "n" : ""} ${stage.kind} stage: its deals must move to a${stage.kind === "open" ? "n" : ""} ${stage.kind} stage, not ${target.label}`,
      });
    } else {
      moves.push({ from: stage.id, to: target.id, deals });
    }
  }
  return { removed: removed.map((s) => s.id), added: after.stages.filter((s) => !old.has(s.id)).map((s) => s.id), moves, issues };
}

/** Ids of the open stages a deal in `stageId` has left behind (their exit gates lie behind it). */
function gatesBehind(pipeline: Pipeline, stageId: string): StageDefinition[] {
  const i = stageIndex(pipeline, stageId);
  return i < 0 ? [] : pipeline.stages.slice(0, i).filter((s) => s.kind === "open");
}

/**
 * The exit gates an open deal would find behind it after the edit without having crossed them before: it sat
 * in `fromStageId` of `before` and lands in `toStageId` of `after` (the same id when its stage is kept). In
 * `after`'s order. A stage added, or moved in front of the deal by a reorder, is such a gate.
 */
export function gatesSkipped(before: Pipeline, after: Pipeline, fromStageId: string, toStageId: string): StageDefinition[] {
  const passed = new Set(gatesBehind(before, fromStageId).map((s) => s.id));
  return gatesBehind(after, toStageId).filter((s) => !passed.has(s.id));
}

export interface SettledDeal<B> {
  /** Where the deal ends up. */
  stageId: string;
  /** Gates re-checked because the edit put them behind the deal. */
  rechecked: string[];
  /** Set when a re-checked gate does not pass: the deal stays at that stage instead, with what blocks it. */
  held: { stageId: string; blockers: B[] } | null;
}

/**
 * Where an open deal ends up after a stage edit. Every gate the edit would put behind it is re-checked in
 * pipeline order with `check` (unmet requirements; empty = passes); at the first that fails the deal is held
 * in that stage, so a settings edit never carries a deal past a gate it has not passed.
 */
export function settleDeal<B>(
  before: Pipeline,
  after: Pipeline,
  fromStageId: string,
  toStageId: string,
  check: (stage: StageDefinition) => B[],
): SettledDeal<B> {
  const rechecked: string[] = [];
  for (const stage of gatesSkipped(before, after, fromStageId, toStageId)) {
    rechecked.push(stage.id);
    const blockers = check(stage);
    if (blockers.length > 0) return { stageId: stage.id, rechecked, held: { stageId: stage.id, blockers } };
  }
  return { stageId: toStageId, rechecked, held: null };
}
