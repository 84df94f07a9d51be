import "server-only";
import {
  checkGate,
  computeFit,
  gatesSkipped,
  planStageMigration,
  settleDeal,
  validatePipeline,
  type Blocker,
  type OpportunitySnapshot,
  type Pipeline,
  type StageDefinition,
} from "../../qualification";
import type { EditStagesInput } from "../../validation/framework-setup";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { asJson } from "../json";
import { toBlockerView, type BlockerView } from "../qualification/advance-stage";
import { loadQualificationSettings, type QualificationSettings } from "../qualification/settings";
import { assessmentInclude, toAccountProfile, toSnapshot } from "../qualification/snapshot";
import type { SessionUser } from "../session";
import { invalidPipeline, replaceStages } from "./pipeline-rows";
import { savingVersioned } from "./versioned-save";

interface HeldDeal {
  opportunityId: string;
  name: string;
  /** Where the edit would have put it. */
  wanted: string;
  /** The stage whose gate it does not pass, where it now sits. */
  stageId: string;
  blockers: BlockerView[];
}

export interface EditedStages {
  stages: number;
  /** Deals whose stage changed, by removal or by being held at a gate. */
  moved: number;
  held: HeldDeal[];
}

function toPipeline(input: EditStagesInput): Pipeline {
  return {
    stages: input.stages.map((s): StageDefinition => ({
      id: s.id,
      label: s.label,
      probability: s.probability / 100,
      kind: s.kind,
      exit: s.kind === "open" ? s.exit : [],
    })),
  };
}

/** An active manager override of a gate counts as passing it, as it does for a move made by hand. */
function blockersAt(
  stage: StageDefinition,
  opportunity: OpportunitySnapshot,
  ctx: { settings: QualificationSettings; fit: ReturnType<typeof computeFit>; now: Date },
): Blocker[] {
  const overridden = opportunity.overrides.some((o) => o.stageId === stage.id && o.createdAt <= ctx.now && ctx.now < o.expiresAt);
  if (overridden) return [];
  return checkGate(stage, { framework: ctx.settings.framework, opportunity, fit: ctx.fit, now: ctx.now });
}

async function dealsByStage(tx: Tx, organizationId: string, pipelineId: string): Promise<Record<string, number>> {
  const groups = await tx.opportunity.groupBy({ by: ["stage"], where: { organizationId, pipelineId }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.stage, g._count._all]));
}

/**
 * Adds, renames, reorders and removes stages in one audited transaction. The deals of a removed stage go where
 * the editor says (refused while a stage with deals has no destination). Every open deal that the edit would
 * put past a gate it has not crossed (a stage added or moved in front of it, or a destination further on) is
 * re-checked against that gate; if it does not pass, it is held at that stage and flagged in its history.
 */
export async function editStages(user: SessionUser, input: EditStagesInput) {
  return savingVersioned(user, input, "pipeline_change", async (tx, pipelineId): Promise<EditedStages> => {
    const now = new Date();
    const settings = await loadQualificationSettings(tx, user.organizationId, pipelineId);
    const before = settings.pipeline;
    const after = toPipeline(input);
    const issues = validatePipeline(after, settings.framework);
    if (issues.length > 0) throw invalidPipeline(issues, after);

    const counts = await dealsByStage(tx, user.organizationId, pipelineId);
    const plan = planStageMigration(before, after, counts, input.destinations);
    const orphans = Object.keys(counts).filter((stage) => !before.stages.some((s) => s.id === stage) && !after.stages.some((s) => s.id === stage));
    if (plan.issues.length > 0) {
      const fieldErrors = Object.fromEntries(plan.issues.map((i) => [`destinations.${i.stageId}`, [i.message]]));
      throw new AppError("INVALID", `The stages were not saved. ${plan.issues.map((i) => i.message).join("; ")}.`, { fieldErrors });
    }
    if (orphans.length > 0) throw new AppError("INVALID", `Deals sit in stages the pipeline does not have (${orphans.join(", ")}); move them first.`);

    const destination = new Map(plan.moves.map((m) => [m.from, m.to]));
    // Only deals the edit touches: in a removed stage, or (open) in a stage that would find a gate newly behind it.
    const touched = before.stages.map((s) => s.id).filter((id) => destination.has(id) || gatesSkipped(before, after, id, id).length > 0);
    const rows = await tx.opportunity.findMany({
      where: { organizationId: user.organizationId, pipelineId, stage: { in: touched } },
      select: { id: true, stage: true, status: true },
    });
    const toCheck = rows
      .filter((r) => r.status === "open" && gatesSkipped(before, after, r.stage, destination.get(r.stage) ?? r.stage).length > 0)
      .map((r) => r.id);
    const loaded =
      toCheck.length === 0
        ? []
        : await tx.opportunity.findMany({
            where: { organizationId: user.organizationId, pipelineId, id: { in: toCheck } },
            include: assessmentInclude,
          });
    const settled = new Map(
      loaded.map((row) => {
        const snapshot = toSnapshot(row);
        const ctx = { settings, fit: computeFit(toAccountProfile(row.account), settings.icp), now };
        return [
          row.id,
          {
            name: row.name,
            result: settleDeal(before, after, row.stage, destination.get(row.stage) ?? row.stage, (stage) => blockersAt(stage, snapshot, ctx)),
          },
        ];
      }),
    );

    await replaceStages(tx, user.organizationId, pipelineId, after);
    const held: HeldDeal[] = [];
    let moved = 0;
    for (const row of rows) {
      const wanted = destination.get(row.stage) ?? row.stage;
      const outcome = settled.get(row.id);
      const target = outcome?.result.stageId ?? wanted;
      if (target === row.stage) continue;
      const blockers = outcome?.result.held?.blockers.map(toBlockerView) ?? [];
      if (outcome?.result.held) held.push({ opportunityId: row.id, name: outcome.name, wanted, stageId: target, blockers });
      const label = (id: string) => before.stages.find((s) => s.id === id)?.label ?? after.stages.find((s) => s.id === id)?.label ?? id;
      const reason =
        blockers.length > 0
          ? `Pipeline edit: held at ${label(target)}, whose gate it has not passed (it was to go to ${label(wanted)})`
          : `Pipeline edit: ${label(row.stage)} was removed`;
      await tx.opportunity.update({ where: { id: row.id }, data: { stage: target, version: { increment: 1 } } });
      await tx.stageChange.create({
        data: {
          organizationId: user.organizationId,
          opportunityId: row.id,
          fromStage: row.stage,
          toStage: target,
          actorId: user.id,
          outcome: "allowed",
          blockers: asJson(blockers),
          reason,
          at: now,
        },
      });
      moved++;
    }
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "pipeline",
      entityId: pipelineId,
      action: "stages_edit",
      before,
      after: {
        pipeline: after,
        removed: plan.removed,
        added: plan.added,
        moves: plan.moves,
        held: held.map((h) => ({ opportunityId: h.opportunityId, stageId: h.stageId, wanted: h.wanted })),
      },
    });
    return { stages: after.stages.length, moved, held };
  });
}
