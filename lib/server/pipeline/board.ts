import "server-only";
import { z } from "zod";
import type { Pipeline, Severity, StageKind, VerdictKind } from "../../qualification";
import { can, canOnRecord } from "../../permissions";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { assessMany, type AssessedOpportunity } from "../qualification/assess";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

/** URL state of the board; anything unexpected falls back to the default instead of failing the page. */
export const boardParams = z.object({
  owner: z.enum(["all", "me"]).catch("all").default("all"),
});
export type BoardParams = z.infer<typeof boardParams>;

/** Deals may carry different currencies, so totals are kept per currency rather than silently mixed. */
export interface MoneyTotal {
  currency: string;
  amount: number;
}

export interface BoardCard {
  id: string;
  name: string;
  /** Sent back with a stage change so a stale board cannot overwrite someone else's move. */
  version: number;
  stageId: string;
  accountName: string;
  ownerName: string;
  amount: number;
  currency: string;
  fit: number;
  intent: number;
  verdict: VerdictKind;
  flags: Array<{ severity: Severity; text: string }>;
  /** The engine's verdict on the next move towards won (null only for closed deals, which the board does not list). */
  nextGate: { toStageId: string; toStageLabel: string; allowed: boolean; blockers: string[] } | null;
  /** Whether this user may change the deal's stage (reps: their own deals). */
  canMove: boolean;
}

export interface BoardColumn {
  stageId: string;
  label: string;
  probability: number;
  count: number;
  totals: MoneyTotal[];
  cards: BoardCard[];
}

export interface ClosedSummary {
  stageId: string;
  label: string;
  kind: Exclude<StageKind, "open">;
  count: number;
  totals: MoneyTotal[];
}

export interface Board {
  columns: BoardColumn[];
  closed: ClosedSummary[];
  /** Every stage, for the "move to" menu. */
  stages: Array<{ id: string; label: string; kind: StageKind }>;
  canOverride: boolean;
}

const toCents = (amount: number) => Math.round(amount * 100);

function addTo(totals: MoneyTotal[], currency: string, amount: number): void {
  const existing = totals.find((t) => t.currency === currency);
  // Summed in cents: Decimal(14,2) amounts added as floats would drift by fractions of a cent.
  if (existing) existing.amount = (toCents(existing.amount) + toCents(amount)) / 100;
  else totals.push({ currency, amount });
}

const labelOf = (pipeline: Pipeline, id: string) => pipeline.stages.find((s) => s.id === id)?.label ?? id;

function toCard(user: SessionUser, deal: AssessedOpportunity, pipeline: Pipeline, ownerNames: Map<string, string>): BoardCard {
  const { row, assessment } = deal;
  const gate = assessment.nextGate;
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    stageId: row.stage,
    accountName: row.account.name,
    ownerName: ownerNames.get(row.ownerId) ?? "Unknown",
    amount: Number(row.amount),
    currency: row.currency,
    fit: assessment.fit.score,
    intent: assessment.intent.score,
    verdict: assessment.verdict.verdict,
    // Critical first, so the card can highlight the worst news without re-sorting.
    flags: assessment.flags
      .map((f) => ({ severity: f.severity, text: f.text }))
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "critical" ? -1 : 1)),
    nextGate: gate && { toStageId: gate.toStageId, toStageLabel: labelOf(pipeline, gate.toStageId), allowed: gate.allowed, blockers: gate.blockers.map((b) => b.message) },
    canMove: canOnRecord(user, "opportunity.advance", row.ownerId),
  };
}

interface ClosedGroup {
  stage: string;
  currency: string;
  count: number;
  amount: number;
}

async function closedGroups(user: SessionUser, ownerId: string | undefined): Promise<ClosedGroup[]> {
  const where: Prisma.OpportunityWhereInput = inOrg(user, { status: { in: ["won", "lost"] }, ...(ownerId && { ownerId }) });
  const groups = await db().opportunity.groupBy({ by: ["stage", "currency"], where, _count: { _all: true }, _sum: { amount: true } });
  return groups.map((g) => ({ stage: g.stage, currency: g.currency, count: g._count._all, amount: Number(g._sum.amount ?? 0) }));
}

/** Counts and amounts of closed deals per closed stage: the board summarises them instead of listing them. */
function closedSummaries(pipeline: Pipeline, groups: ClosedGroup[]): ClosedSummary[] {
  const summaries = pipeline.stages
    .filter((s) => s.kind !== "open")
    .map((s): ClosedSummary => ({ stageId: s.id, label: s.label, kind: s.kind === "won" ? "won" : "lost", count: 0, totals: [] }));
  for (const g of groups) {
    const summary = summaries.find((s) => s.stageId === g.stage);
    if (!summary) continue;
    summary.count += g.count;
    addTo(summary.totals, g.currency, g.amount);
  }
  return summaries;
}

/**
 * The pipeline board: one column per open stage in pipeline order, each deal scored by the engine
 * (assessMany), plus a summary of closed deals. Scoped to the user's organization, optionally to their deals.
 */
export async function loadBoard(user: SessionUser, params: BoardParams, now: Date = new Date()): Promise<Board> {
  const ownerId = params.owner === "me" ? user.id : undefined;
  const [{ settings, deals }, owners, closed] = await Promise.all([
    assessMany(db(), user.organizationId, { status: "open", ...(ownerId && { ownerId }) }, now),
    db().user.findMany({ where: inOrg(user), select: { id: true, name: true } }),
    closedGroups(user, ownerId),
  ]);
  const { pipeline } = settings;
  const ownerNames = new Map(owners.map((o) => [o.id, o.name]));

  const columns = new Map<string, BoardColumn>();
  for (const s of pipeline.stages) {
    if (s.kind === "open") columns.set(s.id, { stageId: s.id, label: s.label, probability: s.probability, count: 0, totals: [], cards: [] });
  }
  for (const deal of deals) {
    const card = toCard(user, deal, pipeline, ownerNames);
    // A deal left in a stage the pipeline no longer has still shows, in its own column after the known ones.
    let column = columns.get(card.stageId);
    if (!column) {
      column = { stageId: card.stageId, label: labelOf(pipeline, card.stageId), probability: 0, count: 0, totals: [], cards: [] };
      columns.set(card.stageId, column);
    }
    column.cards.push(card);
    column.count++;
    addTo(column.totals, card.currency, card.amount);
  }

  return {
    columns: [...columns.values()],
    closed: closedSummaries(pipeline, closed),
    stages: pipeline.stages.map((s) => ({ id: s.id, label: s.label, kind: s.kind })),
    canOverride: can(user.role, "gate.override"),
  };
}
