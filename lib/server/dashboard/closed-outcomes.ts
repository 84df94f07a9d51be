import "server-only";
import type { ClosedDealOutcome, Pipeline } from "../../qualification";
import type { PrismaClient, Tx } from "../db";
import { assess } from "../qualification/assess";
import type { QualificationSettings } from "../qualification/settings";
import { assessmentInclude } from "../qualification/snapshot";

/** The raw material of calibration, and how much of it had to be reconstructed. */
export interface ClosedOutcomes {
  outcomes: ClosedDealOutcome[];
  won: number;
  lost: number;
  /** Deals with no ScoreSnapshot: their scorecard at close was re-computed by the engine as of the close date. */
  scoredAtClose: number;
  /** Lost deals with no open stage in their history: counted as having reached only the first open stage. */
  pathUnknown: number;
}

type StageMove = { fromStage: string; toStage: string; at: Date };

function openIndex(pipeline: Pipeline, stageId: string | undefined): number {
  if (stageId === undefined) return -1;
  const i = pipeline.stages.findIndex((s) => s.id === stageId);
  return pipeline.stages[i]?.kind === "open" ? i : -1;
}

/**
 * The furthest open stage a deal reached: its stage moves first; else the stage of its last scorecard; else
 * null (the caller decides the fallback). Moving back does not undo having reached a stage.
 */
export function furthestOpenStage(pipeline: Pipeline, moves: StageMove[], candidates: Array<string | undefined>): string | null {
  let best = -1;
  for (const m of moves) best = Math.max(best, openIndex(pipeline, m.fromStage), openIndex(pipeline, m.toStage));
  for (const c of candidates) {
    if (best >= 0) break;
    best = openIndex(pipeline, c);
  }
  return best >= 0 ? (pipeline.stages[best]?.id ?? null) : null;
}

/** When the deal closed: its last move into a closed stage, else its last update. */
function closedAt(moves: StageMove[], pipeline: Pipeline, fallback: Date): Date {
  const closing = moves.filter((m) => openIndex(pipeline, m.toStage) < 0).at(-1);
  return closing?.at ?? fallback;
}

/**
 * Every won and lost deal of the organization with its scorecard at close (the intent of its latest
 * ScoreSnapshot) and the furthest open stage it reached (from its StageChange history). The whole team's
 * history is used whatever the dashboard's owner filter: win rates need every closed deal there is.
 */
export async function loadClosedOutcomes(client: PrismaClient | Tx, organizationId: string, settings: QualificationSettings, now: Date): Promise<ClosedOutcomes> {
  const { pipeline } = settings;
  const rows = await client.opportunity.findMany({
    where: { organizationId, status: { in: ["won", "lost"] } },
    select: {
      id: true, stage: true, status: true, updatedAt: true,
      scoreSnapshots: { orderBy: [{ at: "desc" }, { id: "desc" }], take: 1, select: { intent: true, stage: true } },
      stageChanges: { orderBy: { at: "asc" }, select: { fromStage: true, toStage: true, at: true } },
    },
    orderBy: { id: "asc" },
  });

  // A deal closed before snapshots existed (imported, or seeded) still has a scorecard: the engine's, as of
  // the day it closed, so evidence that went stale only afterwards does not count against it.
  const unscored = rows.filter((r) => r.scoreSnapshots.length === 0).map((r) => r.id);
  const engineIntent = new Map<string, number>();
  if (unscored.length > 0) {
    const movesById = new Map(rows.map((r) => [r.id, r.stageChanges]));
    const full = await client.opportunity.findMany({ where: { organizationId, id: { in: unscored } }, include: assessmentInclude });
    for (const row of full) {
      const at = closedAt(movesById.get(row.id) ?? [], pipeline, row.updatedAt);
      engineIntent.set(row.id, assess(row, settings, at < now ? at : now).intent.score);
    }
  }

  const firstOpen = pipeline.stages.find((s) => s.kind === "open")?.id ?? "";
  const lastOpen = pipeline.stages.filter((s) => s.kind === "open").at(-1)?.id ?? firstOpen;
  let pathUnknown = 0;
  const outcomes = rows.map((r): ClosedDealOutcome => {
    const snapshot = r.scoreSnapshots[0];
    const reached = furthestOpenStage(pipeline, r.stageChanges, [r.stage, snapshot?.stage]);
    if (reached === null && r.status === "lost") pathUnknown++;
    return {
      id: r.id,
      outcome: r.status === "won" ? "won" : "lost",
      // Won deals count as having reached every stage whatever is set here; lost ones with no known path
      // only as far as the pipeline's entry, the one stage they surely were in.
      lastOpenStageId: reached ?? (r.status === "won" ? lastOpen : firstOpen),
      intentScore: snapshot?.intent ?? engineIntent.get(r.id) ?? 0,
    };
  });
  const won = outcomes.filter((o) => o.outcome === "won").length;
  return { outcomes, won, lost: outcomes.length - won, scoredAtClose: unscored.length, pathUnknown };
}
