import "server-only";
import { z } from "zod";
import { VERDICT_KINDS, type VerdictKind } from "../../qualification";
import type { PrismaClient, Tx } from "../db";
import type { StageLabel } from "./risk-list";

export interface StageChangeItem {
  id: string;
  at: Date;
  opportunityId: string;
  opportunityName: string;
  fromLabel: string;
  toLabel: string;
  actorName: string;
  outcome: "allowed" | "overridden";
  /** The manager's reason, for overridden moves. */
  reason: string | null;
  /** What the override let through, in the engine's words at the time. */
  overridden: string[];
}

export interface ScoreChangeItem {
  id: string;
  at: Date;
  opportunityId: string;
  opportunityName: string;
  stageLabel: string;
  fit: number;
  intent: number;
  verdict: VerdictKind;
  trigger: string;
  /** The deal's snapshot before this one; null for its first. */
  previous: { fit: number; intent: number; verdict: VerdictKind } | null;
}

export interface RecentHistory {
  stageChanges: StageChangeItem[];
  scoreChanges: ScoreChangeItem[];
}

/** Stored blockers are the engine's words at the time; anything unreadable is shown as nothing rather than failing. */
const storedBlockers = z.array(z.looseObject({ message: z.string() })).catch([]);
const verdictKind = z.enum(VERDICT_KINDS).catch("pursue");

/** The latest stage moves and score changes of the organization (optionally one owner's, one pipeline's deals), newest first. */
export async function loadRecentHistory(
  client: PrismaClient | Tx,
  organizationId: string,
  options: { ownerId?: string; pipelineId?: string; stageLabel: StageLabel; userNames: ReadonlyMap<string, string>; limit: number },
): Promise<RecentHistory> {
  const { ownerId, pipelineId, stageLabel, userNames, limit } = options;
  const scope = {
    organizationId,
    ...((ownerId || pipelineId) && { opportunity: { ...(ownerId && { ownerId }), ...(pipelineId && { pipelineId }) } }),
  };
  const [moves, snapshots] = await Promise.all([
    client.stageChange.findMany({
      where: scope,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: limit,
      include: { opportunity: { select: { name: true, pipelineId: true } } },
    }),
    client.scoreSnapshot.findMany({
      where: scope,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: limit,
      include: { opportunity: { select: { name: true, pipelineId: true } } },
    }),
  ]);

  // The snapshot before each listed one: one query over those deals' histories, paired up in memory.
  const ids = [...new Set(snapshots.map((s) => s.opportunityId))];
  const histories =
    ids.length === 0
      ? []
      : await client.scoreSnapshot.findMany({
          where: { organizationId, opportunityId: { in: ids } },
          orderBy: [{ at: "asc" }, { id: "asc" }],
          select: { id: true, opportunityId: true, fit: true, intent: true, verdict: true },
        });
  const previousOf = new Map<string, { fit: number; intent: number; verdict: VerdictKind }>();
  const lastSeen = new Map<string, { fit: number; intent: number; verdict: VerdictKind }>();
  for (const h of histories) {
    const before = lastSeen.get(h.opportunityId);
    if (before) previousOf.set(h.id, before);
    lastSeen.set(h.opportunityId, { fit: h.fit, intent: h.intent, verdict: verdictKind.parse(h.verdict) });
  }

  return {
    stageChanges: moves.map((m) => ({
      id: m.id,
      at: m.at,
      opportunityId: m.opportunityId,
      opportunityName: m.opportunity.name,
      fromLabel: stageLabel(m.opportunity.pipelineId, m.fromStage),
      toLabel: stageLabel(m.opportunity.pipelineId, m.toStage),
      actorName: userNames.get(m.actorId) ?? "Unknown",
      outcome: m.outcome,
      reason: m.reason,
      overridden: storedBlockers.parse(m.blockers).map((b) => b.message),
    })),
    scoreChanges: snapshots.map((s) => ({
      id: s.id,
      at: s.at,
      opportunityId: s.opportunityId,
      opportunityName: s.opportunity.name,
      stageLabel: stageLabel(s.opportunity.pipelineId, s.stage),
      fit: s.fit,
      intent: s.intent,
      verdict: verdictKind.parse(s.verdict),
      trigger: s.trigger,
      previous: previousOf.get(s.id) ?? null,
    })),
  };
}
