import type { Pipeline } from "./model";
import { stageIndex } from "./pipeline";

export type QualificationBand = "low" | "medium" | "high";

export const BANDS: readonly QualificationBand[] = ["low", "medium", "high"];

/** Intent below 40 is low, 40–69 medium, 70 and above high. */
export function qualificationBand(intentScore: number): QualificationBand {
  if (intentScore >= 70) return "high";
  return intentScore >= 40 ? "medium" : "low";
}

/** A closed deal and its scorecard at close, the raw material of calibration. */
export interface ClosedDealOutcome {
  id: string;
  outcome: "won" | "lost";
  /** The furthest open stage the deal reached. Won deals are counted as having reached every open stage. */
  lastOpenStageId: string;
  /** Intent score of the scorecard at close. */
  intentScore: number;
}

export interface CalibrationCell {
  stageId: string;
  band: QualificationBand;
  /** Deals that reached the stage with this band at close, and how many of them were won. */
  total: number;
  won: number;
  /** won / total, or null with no deals. */
  winRate: number | null;
  /** True when total ≥ minSample: the forecast uses this cell instead of the default factor. */
  trusted: boolean;
}

export interface Calibration {
  minSample: number;
  /** Outcomes used. */
  sampleSize: number;
  /** Ids of lost deals whose lastOpenStageId is not an open stage of the pipeline (left out). */
  skipped: string[];
  cells: CalibrationCell[];
}

/** Below this many deals in a stage × band cell, its win rate is too noisy to replace the default. */
export const DEFAULT_MIN_SAMPLE = 10;

/**
 * Observed win rates per open stage × qualification band: of the past deals that reached the stage with that
 * band, the share won.
 */
export function calibrate(outcomes: ClosedDealOutcome[], pipeline: Pipeline, options: { minSample?: number } = {}): Calibration {
  const minSample = options.minSample ?? DEFAULT_MIN_SAMPLE;
  const open = pipeline.stages.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === "open");
  const counts = new Map<string, { total: number; won: number }>();
  const skipped: string[] = [];
  let sampleSize = 0;
  for (const o of outcomes) {
    const reached = o.outcome === "won" ? Infinity : stageIndex(pipeline, o.lastOpenStageId);
    if (o.outcome === "lost" && pipeline.stages[reached]?.kind !== "open") {
      skipped.push(o.id);
      continue;
    }
    sampleSize++;
    const band = qualificationBand(o.intentScore);
    for (const { s, i } of open) {
      if (i > reached) break;
      const key = `${s.id}|${band}`;
      const c = counts.get(key) ?? { total: 0, won: 0 };
      c.total++;
      if (o.outcome === "won") c.won++;
      counts.set(key, c);
    }
  }
  const cells = open.flatMap(({ s }) =>
    BANDS.map((band) => {
      const { total, won } = counts.get(`${s.id}|${band}`) ?? { total: 0, won: 0 };
      return { stageId: s.id, band, total, won, winRate: total > 0 ? won / total : null, trusted: total >= minSample && total > 0 };
    }),
  );
  return { minSample, sampleSize, skipped, cells };
}
