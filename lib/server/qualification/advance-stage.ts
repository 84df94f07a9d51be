import "server-only";
import type { GateBlocker } from "../../action-error";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { canAdvance, computeFit, type Blocker, type CanAdvanceResult } from "../../qualification";
import { can } from "../../permissions";
import type { advanceStageSchema } from "../../validation/qualification";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, forbidden, staleWrite } from "../errors";
import { asJson } from "../json";
import { assertMayActOn } from "../scope";
import { emitEvent } from "../webhooks/emit";
import type { SessionUser } from "../session";
import { assess, loadForAssessment } from "./assess";
import { rescore } from "./score-history";
import { loadQualificationSettings, type QualificationSettings } from "./settings";
import { toAccountProfile, toSnapshot } from "./snapshot";

/** What the browser is told about a blocker: the engine's words, and ids it can link to. */
export type BlockerView = GateBlocker;

export const toBlockerView = (b: Blocker): BlockerView => ({
  stageId: b.stageId,
  code: b.code,
  ...(b.criterionId && { criterionId: b.criterionId }),
  ...(b.role && { role: b.role }),
  message: b.message,
});

type Loaded = Awaited<ReturnType<typeof loadForAssessment>>;

function evaluate(row: Loaded, settings: QualificationSettings, toStageId: string, now: Date): CanAdvanceResult {
  const fit = computeFit(toAccountProfile(row.account), settings.icp);
  // The verdict holds a "not yet" deal: the same assessment the scorecard shows.
  const verdict = assess(row, settings, now).verdict.verdict;
  return canAdvance({ pipeline: settings.pipeline, framework: settings.framework, opportunity: toSnapshot(row), fit, now, toStageId, verdict });
}

interface OverrideInput {
  reason: string;
  expiresOn: Date;
}

/** The override rows a manager's exception adds, one per blocked gate, as they will be stored. */
function overrideRows(user: SessionUser, row: Loaded, blockers: Blocker[], override: OverrideInput, now: Date) {
  return [...new Set(blockers.map((b) => b.stageId))].map((stageKey) => ({
    id: randomUUID(),
    organizationId: user.organizationId,
    opportunityId: row.id,
    stageKey,
    byId: user.id,
    reason: override.reason,
    expiresAt: override.expiresOn,
    createdAt: now,
    revokedAt: null,
    revokedById: null,
  }));
}

/**
 * The only way a deal changes stage. The engine decides; a refused move changes nothing and reports the
 * blockers. A manager may pass an override (reason + expiry): it is stored per blocked gate, the engine
 * re-checks with it, and the stage change is recorded as overridden with the blockers it let through.
 *
 * Lean on purpose: the deal and settings are loaded once, the gate is checked outside any transaction, and the
 * transaction holds only the writes (and the re-score they require). The write is a check-and-set on the version the caller saw, so a change
 * that lands between the check and the write still ends in CONFLICT rather than a move on stale facts.
 */
export async function advanceStage(user: SessionUser, input: z.infer<typeof advanceStageSchema>) {
  const now = new Date();
  const client = db();
  const row = await loadForAssessment(client, user.organizationId, input.opportunityId);
  const settings = await loadQualificationSettings(client, user.organizationId, row.pipelineId);
  assertMayActOn(user, "opportunity.advance", row);
  if (row.version !== input.version) throw staleWrite("opportunity");
  const target = settings.pipeline.stages.find((s) => s.id === input.toStage);
  if (!target) throw new AppError("INVALID", `"${input.toStage}" is not a stage of your pipeline.`);
  if (row.stage === input.toStage) throw new AppError("INVALID", "The deal is already in that stage.");

  let result = evaluate(row, settings, input.toStage, now);
  const override = input.overrideReason && input.overrideExpiresOn ? { reason: input.overrideReason, expiresOn: input.overrideExpiresOn } : null;
  let overrides: ReturnType<typeof overrideRows> = [];
  if (!result.allowed && override) {
    if (!can(user.role, "gate.override")) throw forbidden("Only a manager can override a stage gate.");
    if (override.expiresOn.getTime() <= now.getTime()) {
      throw new AppError("INVALID", "An override must expire in the future.", { fieldErrors: { overrideExpiresOn: ["Pick a date after today."] } });
    }
    const latest = new Date(now.getTime() + settings.overrideMaxDays * 86_400_000);
    if (override.expiresOn.getTime() > latest.getTime() + 86_400_000) {
      const message = `An override can run at most ${settings.overrideMaxDays} days: pick ${latest.toISOString().slice(0, 10)} or earlier.`;
      throw new AppError("INVALID", message, { fieldErrors: { overrideExpiresOn: [message] } });
    }
    overrides = overrideRows(user, row, result.blockers, override, now);
    result = evaluate({ ...row, overrides: [...row.overrides, ...overrides] }, settings, input.toStage, now);
  }
  if (!result.allowed) {
    throw new AppError("GATE_BLOCKED", result.message, { blockers: result.blockers.map(toBlockerView), toStage: input.toStage });
  }

  const status = target.kind === "won" ? "won" : target.kind === "lost" ? "lost" : "open";
  const outcome = result.overridden.length > 0 ? "overridden" : "allowed";
  // A reason given on a move that needed no exception is not an override, and is not recorded as one.
  const reason = outcome === "overridden" ? (override?.reason ?? null) : null;
  await client.$transaction(
    async (tx) => {
      const { count } = await tx.opportunity.updateMany({
        where: { id: row.id, organizationId: user.organizationId, version: input.version },
        data: { stage: target.id, status, version: { increment: 1 }, lastActivityAt: now },
      });
      if (count === 0) throw staleWrite("opportunity");
      if (overrides.length > 0) await tx.gateOverride.createMany({ data: overrides });
      for (const o of overrides) {
        await emitEvent(tx, user.organizationId, "override.created", {
          overrideId: o.id,
          opportunityId: row.id,
          stageKey: o.stageKey,
          reason: o.reason,
          expiresAt: o.expiresAt.toISOString(),
          byUserId: user.id,
        });
      }
      await tx.stageChange.create({
        data: {
          organizationId: user.organizationId,
          opportunityId: row.id,
          fromStage: row.stage,
          toStage: target.id,
          actorId: user.id,
          outcome,
          blockers: asJson(result.overridden.map(toBlockerView)),
          reason,
          at: now,
        },
      });
      await emitEvent(tx, user.organizationId, "opportunity.stage_changed", {
        opportunityId: row.id,
        fromStage: row.stage,
        toStage: target.id,
        status,
        outcome,
        actorId: user.id,
        overridden: result.overridden.map(toBlockerView),
      });
      // Stored from the rows as committed, not from the copy checked above: a note logged meanwhile (which does not
      // bump the version) must not be lost from the stored score.
      await rescore(tx, user.organizationId, row.id, "stage_change", now, settings);
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        entityType: "opportunity",
        entityId: row.id,
        action: "stage_change",
        before: { stage: row.stage, status: row.status, version: row.version },
        after: { stage: target.id, status, outcome },
        reason,
      });
      // A burst of moves may queue for the pool's connections; waiting a little longer than Prisma's default 2 s
      // beats refusing a move that is about to get a connection.
    },
    { maxWait: 10_000 },
  );
  return { id: row.id, stage: target.id, outcome, overridden: result.overridden.map(toBlockerView) };
}
