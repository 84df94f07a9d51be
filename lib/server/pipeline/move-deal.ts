import "server-only";
import { randomUUID } from "node:crypto";
import { canAdvance, computeFit } from "../../qualification";
import type { MoveDealPipelineInput } from "../../validation/pipeline";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, staleWrite } from "../errors";
import { asJson } from "../json";
import { toBlockerView } from "../qualification/advance-stage";
import { assess, loadForAssessment } from "../qualification/assess";
import { rescore } from "../qualification/score-history";
import { loadQualificationSettings } from "../qualification/settings";
import { toAccountProfile, toSnapshot } from "../qualification/snapshot";
import type { SessionUser } from "../session";

/**
 * A manager moves an open deal to another pipeline, into one of its open stages. The deal enters the new
 * pipeline at its first stage and is checked like a stage move from there: every gate before the chosen stage
 * must pass (with the new pipeline's framework), or the manager overrides the unmet ones with a reason and an
 * expiry. Overrides granted in the old pipeline do not count (they were for other gates). The move, its
 * re-assessment, the history row and the audit row are one transaction, conditional on the version seen.
 */
export async function moveDealToPipeline(user: SessionUser, input: MoveDealPipelineInput) {
  const now = new Date();
  const client = db();
  const row = await loadForAssessment(client, user.organizationId, input.opportunityId);
  if (row.version !== input.version) throw staleWrite("opportunity");
  if (row.pipelineId === input.pipelineId)
    throw new AppError("INVALID", "The deal is already in that pipeline.", { fieldErrors: { pipelineId: ["Pick another pipeline."] } });
  if (row.status !== "open") throw new AppError("INVALID", "Only open deals move between pipelines.");
  const [from, settings] = await Promise.all([
    loadQualificationSettings(client, user.organizationId, row.pipelineId),
    loadQualificationSettings(client, user.organizationId, input.pipelineId),
  ]);
  const target = settings.pipeline.stages.find((s) => s.id === input.toStage);
  const entry = settings.pipeline.stages[0];
  if (!target || !entry || target.kind !== "open") {
    throw new AppError("INVALID", `"${input.toStage}" is not an open stage of ${settings.pipelineName}.`, {
      fieldErrors: { toStage: ["Pick an open stage of the new pipeline."] },
    });
  }

  const expiresAt = input.overrideExpiresOn ?? null;
  if (expiresAt) {
    if (expiresAt.getTime() <= now.getTime())
      throw new AppError("INVALID", "An override must expire in the future.", { fieldErrors: { overrideExpiresOn: ["Pick a date after today."] } });
    const latest = new Date(now.getTime() + settings.overrideMaxDays * 86_400_000);
    if (expiresAt.getTime() > latest.getTime() + 86_400_000) {
      const message = `An override can run at most ${settings.overrideMaxDays} days: pick ${latest.toISOString().slice(0, 10)} or earlier.`;
      throw new AppError("INVALID", message, { fieldErrors: { overrideExpiresOn: [message] } });
    }
  }
  const snapshot = { ...toSnapshot(row), stageId: entry.id, overrides: [] };
  const fit = computeFit(toAccountProfile(row.account), settings.icp);
  const verdict = assess(row, settings, now).verdict.verdict;
  const check = canAdvance({
    pipeline: settings.pipeline,
    framework: settings.framework,
    opportunity: snapshot,
    fit,
    now,
    toStageId: target.id,
    verdict,
  });
  if (!check.allowed && !(input.overrideReason && expiresAt)) {
    throw new AppError("GATE_BLOCKED", check.message, { blockers: check.blockers.map(toBlockerView), toStage: target.id });
  }
  const overridden = check.blockers.map(toBlockerView);
  const outcome = overridden.length > 0 ? "overridden" : "allowed";
  const reason = outcome === "overridden" ? (input.overrideReason ?? null) : `Moved from ${from.pipelineName} to ${settings.pipelineName}`;

  await client.$transaction(
    async (tx) => {
      const { count } = await tx.opportunity.updateMany({
        where: { id: row.id, organizationId: user.organizationId, version: input.version },
        data: { pipelineId: settings.pipelineId, stage: target.id, version: { increment: 1 }, lastActivityAt: now },
      });
      if (count === 0) throw staleWrite("opportunity");
      if (outcome === "overridden" && expiresAt) {
        await tx.gateOverride.createMany({
          data: [...new Set(overridden.map((b) => b.stageId))].map((stageKey) => ({
            id: randomUUID(),
            organizationId: user.organizationId,
            opportunityId: row.id,
            stageKey,
            byId: user.id,
            reason: input.overrideReason ?? "",
            expiresAt,
            createdAt: now,
          })),
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
          blockers: asJson(overridden),
          reason,
          at: now,
        },
      });
      await rescore(tx, user.organizationId, row.id, "pipeline_change", now, settings);
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        entityType: "opportunity",
        entityId: row.id,
        action: "pipeline_change",
        before: { pipelineId: row.pipelineId, stage: row.stage, version: row.version },
        after: { pipelineId: settings.pipelineId, stage: target.id, outcome },
        reason: input.overrideReason ?? null,
      });
    },
    { maxWait: 10_000 },
  );
  return { id: row.id, pipelineId: settings.pipelineId, stage: target.id, outcome, overridden };
}
