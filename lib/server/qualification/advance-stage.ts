import "server-only";
import type { GateBlocker } from "../../action-error";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { canAdvance, computeFit, type Blocker, type CanAdvanceResult, type OpportunitySnapshot } from "../../qualification";
import { can } from "../../permissions";
import type { advanceStageSchema } from "../../validation/qualification";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, forbidden, staleWrite } from "../errors";
import { asJson } from "../json";
import { assertMayActOn } from "../scope";
import type { WebhookEventType } from "../../webhooks/events";
import { emitEvent, subscribersAmong } from "../webhooks/emit";
import type { SessionUser } from "../session";
import { assessInputs } from "./assess";
import { loadDeal, type LoadedDeal } from "./batch-load";
import { rescoreLoaded } from "./score-history";
import { settingsAtKey, type QualificationSettings } from "./settings";
import { lostFromStage } from "./snapshot";

/** What the browser is told about a blocker: the engine's words, and ids it can link to. */
export type BlockerView = GateBlocker;

export const toBlockerView = (b: Blocker): BlockerView => ({
  stageId: b.stageId,
  code: b.code,
  ...(b.criterionId && { criterionId: b.criterionId }),
  ...(b.role && { role: b.role }),
  message: b.message,
});

function evaluate(deal: LoadedDeal, settings: QualificationSettings, toStageId: string, now: Date): CanAdvanceResult {
  const fit = computeFit(deal.account, settings.icp);
  // The verdict holds a "not yet" deal: the same assessment the scorecard shows.
  const verdict = assessInputs(deal.account, deal.snapshot, settings, now).verdict.verdict;
  return canAdvance({ pipeline: settings.pipeline, framework: settings.framework, opportunity: deal.snapshot, fit, now, toStageId, verdict });
}

interface OverrideInput {
  reason: string;
  expiresOn: Date;
}

/** The override rows a manager's exception adds, one per blocked gate, as they will be stored. */
function overrideRows(user: SessionUser, deal: LoadedDeal, blockers: Blocker[], override: OverrideInput, now: Date) {
  return [...new Set(blockers.map((b) => b.stageId))].map((stageKey) => ({
    id: randomUUID(),
    organizationId: user.organizationId,
    opportunityId: deal.snapshot.id,
    stageKey,
    byId: user.id,
    reason: override.reason,
    expiresAt: override.expiresOn,
    createdAt: now,
    revokedAt: null,
    revokedById: null,
  }));
}

/** Override rows as the engine reads them, in the order the deal's read gives them (created, then id). */
const engineOverrides = (rows: ReturnType<typeof overrideRows>): OpportunitySnapshot["overrides"] =>
  [...rows]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((o) => ({ stageId: o.stageKey, by: o.byId, reason: o.reason, expiresAt: o.expiresAt, createdAt: o.createdAt }));

/** The events a stage change may emit: their subscribers are read with the deal, before the transaction. */
const EVENTS: WebhookEventType[] = ["override.created", "opportunity.stage_changed", "opportunity.verdict_changed"];

/**
 * The only way a deal changes stage. The engine decides; a refused move changes nothing and reports the
 * blockers. A manager may pass an override (reason + expiry): it is stored per blocked gate, the engine
 * re-checks with it, and the stage change is recorded as overridden with the blockers it let through.
 *
 * Lean on purpose: one statement reads the deal with everything its score needs and the organization's webhook
 * endpoints; the settings come from the process cache while their version holds; the gate is checked outside
 * any transaction; the transaction holds only the writes. The move is a check-and-set on the version
 * the caller saw, so a change that lands between the check and the write still ends in CONFLICT rather than a
 * move on stale facts, and the re-score reuses the read unless another write re-scored the deal meanwhile.
 * Returns the moved deal's row as the move wrote it (`opportunity`), so a caller that shows it need not read it
 * again after the commit.
 */
export async function advanceStage(user: SessionUser, input: z.infer<typeof advanceStageSchema>) {
  const now = new Date();
  const client = db();
  const deal = await loadDeal(client, user.organizationId, input.opportunityId);
  assertMayActOn(user, "opportunity.advance", deal);
  if (deal.version !== input.version) throw staleWrite("opportunity");
  const settings = await settingsAtKey(client, user.organizationId, deal);
  const subscribers = subscribersAmong(deal.webhookEndpoints, EVENTS);
  const target = settings.pipeline.stages.find((s) => s.id === input.toStage);
  if (!target) throw new AppError("INVALID", `"${input.toStage}" is not a stage of your pipeline.`);
  const from = deal.snapshot;
  if (from.stageId === input.toStage) throw new AppError("INVALID", "The deal is already in that stage.");

  let result = evaluate(deal, settings, input.toStage, now);
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
    overrides = overrideRows(user, deal, result.blockers, override, now);
    result = evaluate(
      { ...deal, snapshot: { ...from, overrides: [...from.overrides, ...engineOverrides(overrides)] } },
      settings,
      input.toStage,
      now,
    );
  }
  if (!result.allowed) {
    throw new AppError("GATE_BLOCKED", result.message, { blockers: result.blockers.map(toBlockerView), toStage: input.toStage });
  }

  const status = target.kind === "won" ? "won" : target.kind === "lost" ? "lost" : "open";
  const outcome = result.overridden.length > 0 ? "overridden" : "allowed";
  // A reason given on a move that needed no exception is not an override, and is not recorded as one.
  const reason = outcome === "overridden" ? (override?.reason ?? null) : null;
  // The deal as the transaction leaves it: what the re-score scores unless another write re-scored it meanwhile.
  const moved: LoadedDeal = {
    ...deal,
    version: deal.version + 1,
    snapshot: {
      ...from,
      stageId: target.id,
      status,
      lastActivityAt: now,
      overrides: [...from.overrides, ...engineOverrides(overrides)],
      lostFromStageId: lostFromStage(status, target.id, { fromStage: from.stageId, toStage: target.id }),
    },
  };
  const opportunity = await client.$transaction(
    async (tx) => {
      const [row] = await tx.opportunity.updateManyAndReturn({
        where: { id: from.id, organizationId: user.organizationId, version: input.version },
        data: { stage: target.id, status, version: { increment: 1 }, lastActivityAt: now },
      });
      if (!row) throw staleWrite("opportunity");
      if (overrides.length > 0) await tx.gateOverride.createMany({ data: overrides });
      for (const o of overrides) {
        const event = {
          overrideId: o.id,
          opportunityId: from.id,
          stageKey: o.stageKey,
          reason: o.reason,
          expiresAt: o.expiresAt.toISOString(),
          byUserId: user.id,
        };
        await emitEvent(tx, user.organizationId, "override.created", event, subscribers);
      }
      await tx.stageChange.create({
        data: {
          organizationId: user.organizationId,
          opportunityId: from.id,
          fromStage: from.stageId,
          toStage: target.id,
          actorId: user.id,
          outcome,
          blockers: asJson(result.overridden.map(toBlockerView)),
          reason,
          at: now,
        },
        select: { id: true },
      });
      await emitEvent(
        tx,
        user.organizationId,
        "opportunity.stage_changed",
        {
          opportunityId: from.id,
          fromStage: from.stageId,
          toStage: target.id,
          status,
          outcome,
          actorId: user.id,
          overridden: result.overridden.map(toBlockerView),
        },
        subscribers,
      );
      await rescoreLoaded(tx, moved, "stage_change", now, settings, subscribers);
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        entityType: "opportunity",
        entityId: from.id,
        action: "stage_change",
        before: { stage: from.stageId, status: from.status, version: deal.version },
        after: { stage: target.id, status, outcome },
        reason,
      });
      return row;
      // A burst of moves may queue for the pool's connections; waiting a little longer than Prisma's default 2 s
      // beats refusing a move that is about to get a connection.
    },
    { maxWait: 10_000 },
  );
  return { id: from.id, stage: target.id, outcome, overridden: result.overridden.map(toBlockerView), opportunity };
}
