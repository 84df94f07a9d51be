import "server-only";
import type { ClosedDealOutcome, Pipeline } from "../../qualification";
import type { PrismaClient, Tx } from "../db";
import type { QualificationSettings } from "../qualification/settings";

/** The raw material of calibration, and how much of it had to be reconstructed. */
export interface ClosedOutcomes {
  outcomes: ClosedDealOutcome[];
  won: number;
  lost: number;
  /** Deals with no ScoreSnapshot: their scorecard at close is the assessment stored when they closed. */
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
function furthestOpenStage(pipeline: Pipeline, moves: StageMove[], candidates: Array<string | undefined>): string | null {
  let best = -1;
  for (const m of moves) best = Math.max(best, openIndex(pipeline, m.fromStage), openIndex(pipeline, m.toStage));
  for (const c of candidates) {
    if (best >= 0) break;
    best = openIndex(pipeline, c);
  }
  return best >= 0 ? (pipeline.stages[best]?.id ?? null) : null;
}

/** At most this many closed deals, the most recent, calibrate the forecast: enough for every cell, bounded in cost. */
const CALIBRATION_WINDOW = 5000;

interface ClosedRow {
  id: string;
  stage: string;
  status: string;
  snapshotIntent: number | null;
  snapshotStage: string | null;
  storedIntent: number | null;
  visited: string[];
}

/**
 * The most recent won and lost deals of one pipeline (their win rates are its stages') with their scorecard at close (the intent of the
 * latest ScoreSnapshot, else the stored assessment written when they closed) and the furthest open stage they
 * reached (from their StageChange history). One query, bounded by CALIBRATION_WINDOW, reading one snapshot and
 * the stage keys per deal through indexes. The whole team's history is used whatever the dashboard's owner
 * filter: win rates need every closed deal there is.
 */
export async function loadClosedOutcomes(
  client: PrismaClient | Tx,
  organizationId: string,
  settings: QualificationSettings,
): Promise<ClosedOutcomes> {
  const { pipeline } = settings;
  const rows = await client.$queryRaw<ClosedRow[]>`
    SELECT o."id", o."stage", o."status"::text AS "status", s."intent" AS "snapshotIntent", s."stage" AS "snapshotStage",
      a."intent" AS "storedIntent",
      coalesce((SELECT array_agg(DISTINCT k) FROM "StageChange" sc CROSS JOIN LATERAL (VALUES (sc."fromStage"), (sc."toStage")) AS v(k)
                WHERE sc."opportunityId" = o."id"), ARRAY[]::text[]) AS "visited"
    FROM "Opportunity" o
    LEFT JOIN LATERAL (SELECT ss."intent", ss."stage" FROM "ScoreSnapshot" ss WHERE ss."opportunityId" = o."id" ORDER BY ss."at" DESC, ss."id" DESC LIMIT 1) s ON true
    LEFT JOIN "OpportunityAssessment" a ON a."opportunityId" = o."id"
    WHERE o."organizationId" = ${organizationId} AND o."pipelineId" = ${settings.pipelineId} AND o."status" IN ('won', 'lost')
    ORDER BY o."updatedAt" DESC, o."id"
    LIMIT ${CALIBRATION_WINDOW}`;

  const firstOpen = pipeline.stages.find((s) => s.kind === "open")?.id ?? "";
  const lastOpen = pipeline.stages.filter((s) => s.kind === "open").at(-1)?.id ?? firstOpen;
  let pathUnknown = 0;
  let scoredAtClose = 0;
  const outcomes = rows.map((r): ClosedDealOutcome => {
    const moves = r.visited.map((k) => ({ fromStage: k, toStage: k, at: new Date(0) }));
    const reached = furthestOpenStage(pipeline, moves, [r.stage, r.snapshotStage ?? undefined]);
    if (reached === null && r.status === "lost") pathUnknown++;
    if (r.snapshotIntent === null) scoredAtClose++;
    return {
      id: r.id,
      outcome: r.status === "won" ? "won" : "lost",
      // Won deals count as having reached every stage whatever is set here; lost ones with no known path
      // only as far as the pipeline's entry, the one stage they surely were in.
      lastOpenStageId: reached ?? (r.status === "won" ? lastOpen : firstOpen),
      intentScore: r.snapshotIntent ?? r.storedIntent ?? 0,
    };
  });
  const won = outcomes.filter((o) => o.outcome === "won").length;
  return { outcomes, won, lost: outcomes.length - won, scoredAtClose, pathUnknown };
}
