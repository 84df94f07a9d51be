import "server-only";
import { z } from "zod";
import { asVerdictKind, type Pipeline, type Severity, type StageKind, type VerdictKind } from "../../qualification";
import { can, canOnRecord } from "../../permissions";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { findHeld, type HeldDeal } from "./held";
import { getOrganizationPipeline } from "./organization-pipeline";
import { listPipelines } from "./pipelines";
import { currentVersions, dealScorePending, type CurrentVersions } from "../qualification/score-currency";
import { readStoredResult } from "../qualification/stored-result";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

/** Cards per column on first load and per "load more". */
export const COLUMN_PAGE = 25;

/** How a manager orders each column's cards; the board shows the top of that order. */
const BOARD_ORDERS = ["amount", "close", "recent", "intent"] as const;
export type BoardOrder = (typeof BOARD_ORDERS)[number];

/** URL state of the board; anything unexpected falls back to the default instead of failing the page. */
export const boardParams = z.object({
  owner: z.enum(["all", "me"]).catch("all").default("all"),
  order: z.enum(BOARD_ORDERS).catch("amount").default("amount"),
  /** The pipeline shown (a board's columns are one pipeline's stages); absent or unknown: the first pipeline. */
  pipeline: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .optional()
    .catch(undefined),
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
  /** From the stored assessment; null until the deal's first score is stored. */
  fit: number | null;
  intent: number | null;
  verdict: VerdictKind | null;
  /** The stored score waits for a background re-score after a settings change. */
  pending: boolean;
  flags: Array<{ severity: Severity; text: string }>;
  /** The engine's verdict on the next move towards won (null only for closed deals, which the board does not list). */
  nextGate: { toStageId: string; toStageLabel: string; allowed: boolean; blockers: string[] } | null;
  /** Whether this user may change the deal's stage (reps: their own deals). */
  canMove: boolean;
  /** Held at its stage by a stage edit, with the unmet gate's blockers, until the deal next moves. */
  held: { stageLabel: string; blockers: string[] } | null;
}

export interface BoardColumn {
  stageId: string;
  label: string;
  probability: number;
  count: number;
  totals: MoneyTotal[];
  /** The top COLUMN_PAGE cards in the chosen order; the rest load on demand. */
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
  /** The switcher's choices, and the pipeline whose stages the columns are. */
  pipelines: Array<{ id: string; name: string }>;
  pipelineId: string;
}

const toCents = (amount: number) => Math.round(amount * 100);

function addTo(totals: MoneyTotal[], currency: string, amount: number): void {
  const existing = totals.find((t) => t.currency === currency);
  // Summed in cents: Decimal(14,2) amounts added as floats would drift by fractions of a cent.
  if (existing) existing.amount = (toCents(existing.amount) + toCents(amount)) / 100;
  else totals.push({ currency, amount });
}

const labelOf = (pipeline: Pipeline, id: string) => pipeline.stages.find((s) => s.id === id)?.label ?? id;

const cardSelect = {
  id: true,
  name: true,
  version: true,
  stage: true,
  status: true,
  pipelineId: true,
  ownerId: true,
  amount: true,
  currency: true,
  account: { select: { name: true } },
  owner: { select: { name: true } },
  assessment: { select: { fit: true, intent: true, verdict: true, icpVersion: true, qualificationVersion: true, result: true } },
} as const satisfies Prisma.OpportunitySelect;

type CardRow = Prisma.OpportunityGetPayload<{ select: typeof cardSelect }>;

function toCard(user: SessionUser, row: CardRow, pipeline: Pipeline, current: CurrentVersions, held: HeldDeal | undefined): BoardCard {
  const stored = row.assessment;
  const result = readStoredResult(stored?.result, new Date());
  const gate = result.nextGate;
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    stageId: row.stage,
    accountName: row.account.name,
    ownerName: row.owner.name,
    amount: Number(row.amount),
    currency: row.currency,
    fit: stored?.fit ?? null,
    intent: stored?.intent ?? null,
    verdict: stored ? asVerdictKind(stored.verdict) : null,
    pending: stored ? dealScorePending(row, stored, current) : false,
    // Critical first, so the card can highlight the worst news without re-sorting.
    flags: result.flags
      .map((f) => ({ severity: f.severity, text: f.text }))
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "critical" ? -1 : 1)),
    nextGate: gate && {
      toStageId: gate.toStageId,
      toStageLabel: labelOf(pipeline, gate.toStageId),
      allowed: gate.allowed,
      blockers: gate.blockers.map((b) => b.message),
    },
    canMove: canOnRecord(user, "opportunity.advance", row.ownerId),
    held: held ? { stageLabel: labelOf(pipeline, held.stage), blockers: held.blockers } : null,
  };
}

const ORDER_BY: Record<BoardOrder, Prisma.OpportunityOrderByWithRelationInput[]> = {
  amount: [{ amount: "desc" }, { id: "asc" }],
  close: [{ expectedCloseDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  recent: [{ lastActivityAt: "desc" }, { id: "asc" }],
  intent: [{ assessment: { intent: "desc" } }, { id: "asc" }],
};

const openScope = (user: SessionUser, params: BoardParams): Prisma.OpportunityWhereInput =>
  inOrg(user, { status: "open", ...(params.owner === "me" && { ownerId: user.id }), ...(params.pipeline && { pipelineId: params.pipeline }) });

/** One page of a column's cards, in the board's order: the first load shows offset 0, "load more" the next. */
export async function loadColumnCards(
  user: SessionUser,
  params: BoardParams,
  stageId: string,
  offset: number,
  known?: { pipeline: Pipeline; current: CurrentVersions },
): Promise<BoardCard[]> {
  const [rows, pipeline, current] = await Promise.all([
    db().opportunity.findMany({
      where: { ...openScope(user, params), stage: stageId },
      orderBy: ORDER_BY[params.order],
      skip: offset,
      take: COLUMN_PAGE,
      select: cardSelect,
    }),
    known?.pipeline ?? getOrganizationPipeline(user.organizationId, params.pipeline ?? null),
    known?.current ?? currentVersions(db(), user.organizationId),
  ]);
  const held = await findHeld(db(), user.organizationId, rows);
  return rows.map((row) => toCard(user, row, pipeline, current, held.get(row.id)));
}

/** One deal as a board card (after a move), or null when it is not the user's organization's. */
export async function loadCard(user: SessionUser, opportunityId: string): Promise<BoardCard | null> {
  const row = await db().opportunity.findFirst({ where: inOrg(user, { id: opportunityId }), select: cardSelect });
  if (!row) return null;
  const [pipeline, current, held] = await Promise.all([
    getOrganizationPipeline(user.organizationId, row.pipelineId),
    currentVersions(db(), user.organizationId),
    findHeld(db(), user.organizationId, [row]),
  ]);
  return toCard(user, row, pipeline, current, held.get(row.id));
}

interface ClosedGroup {
  stage: string;
  currency: string;
  count: number;
  amount: number;
}

/** Count and amount per stage and currency: the board's totals come from SQL, never from the cards shown. */
async function stageGroups(user: SessionUser, ownerId: string | undefined, pipelineId: string, open: boolean): Promise<ClosedGroup[]> {
  const where: Prisma.OpportunityWhereInput = inOrg(user, {
    pipelineId,
    status: open ? "open" : { in: ["won", "lost"] },
    ...(ownerId && { ownerId }),
  });
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
 * The pipeline board: one column per open stage in pipeline order, each with its count and totals from SQL
 * and the top COLUMN_PAGE cards in the chosen order (scores read from the stored assessments), plus a summary
 * of closed deals. Scoped to the user's organization, optionally to their deals.
 */
export async function loadBoard(user: SessionUser, requested: BoardParams): Promise<Board> {
  const ownerId = requested.owner === "me" ? user.id : undefined;
  const pipelines = await listPipelines(db(), user.organizationId);
  const pipelineId = (pipelines.find((p) => p.id === requested.pipeline) ?? pipelines[0])?.id;
  if (!pipelineId) throw new Error("The organization has no pipeline");
  const params = { ...requested, pipeline: pipelineId };
  const [pipeline, current, open, closed] = await Promise.all([
    getOrganizationPipeline(user.organizationId, pipelineId),
    currentVersions(db(), user.organizationId),
    stageGroups(user, ownerId, pipelineId, true),
    stageGroups(user, ownerId, pipelineId, false),
  ]);

  const columns = new Map<string, BoardColumn>();
  for (const s of pipeline.stages) {
    if (s.kind === "open") columns.set(s.id, { stageId: s.id, label: s.label, probability: s.probability, count: 0, totals: [], cards: [] });
  }
  for (const g of open) {
    // A deal left in a stage the pipeline no longer has still shows, in its own column after the known ones.
    let column = columns.get(g.stage);
    if (!column) {
      column = { stageId: g.stage, label: labelOf(pipeline, g.stage), probability: 0, count: 0, totals: [], cards: [] };
      columns.set(g.stage, column);
    }
    column.count += g.count;
    addTo(column.totals, g.currency, g.amount);
  }
  await Promise.all(
    [...columns.values()].map(async (column) => {
      if (column.count > 0) column.cards = await loadColumnCards(user, params, column.stageId, 0, { pipeline, current });
    }),
  );

  return {
    columns: [...columns.values()],
    closed: closedSummaries(pipeline, closed),
    stages: pipeline.stages.map((s) => ({ id: s.id, label: s.label, kind: s.kind })),
    canOverride: can(user.role, "gate.override"),
    pipelines: pipelines.map((p) => ({ id: p.id, name: p.name })),
    pipelineId,
  };
}
