import { qualificationBand, type Calibration, type CalibrationCell, type QualificationBand } from "./calibrate";
import type { IntentResult } from "./intent";
import type { OpportunitySnapshot, Pipeline } from "./model";
import { findStage } from "./pipeline";
import { noun } from "../vocabulary";

export interface ForecastDeal {
  id: string;
  stageId: string;
  amount: number;
  /** The stage's default probability, 0..1. */
  stageProbability: number;
  /** 0–100, or null when the rep gave none. */
  repConfidence: number | null;
  intentScore: number;
}

export interface ForecastOptions {
  basis: "stage" | "rep";
  calibration?: Calibration;
}

export interface DealForecast {
  id: string;
  band: QualificationBand;
  /** Probability on the chosen basis, and after the qualification factor (capped at 1). */
  probability: number;
  adjustedProbability: number;
  raw: number;
  adjusted: number;
  /** adjustedProbability / probability (1 when probability is 0). */
  factor: number;
  explanation: string;
}

export interface ForecastResult {
  basis: "stage" | "rep";
  raw: number;
  adjusted: number;
  deals: DealForecast[];
}

/** Without calibration: low-qualified deals close half as often as the stage says, high ones a bit more. */
export const DEFAULT_BAND_FACTORS: Record<QualificationBand, number> = { low: 0.5, medium: 0.9, high: 1.1 };

const pct = (p: number) => `${Math.round(p * 100)}%`;

function cellFor(calibration: Calibration | undefined, stageId: string, band: QualificationBand): CalibrationCell | undefined {
  return calibration?.cells.find((c) => c.stageId === stageId && c.band === band);
}

function qualificationFactor(deal: ForecastDeal, band: QualificationBand, calibration?: Calibration): { factor: number; why: string } {
  const cell = cellFor(calibration, deal.stageId, band);
  if (cell?.trusted && cell.winRate !== null && deal.stageProbability > 0) {
    const factor = cell.winRate / deal.stageProbability;
    const observed = `${cell.won} of ${cell.total} past ${band}-qualified deals at ${deal.stageId} were won (${pct(cell.winRate)})`;
    return { factor, why: `calibrated: ${observed} vs the stage's ${pct(deal.stageProbability)}, ×${factor.toFixed(2)}` };
  }
  const factor = DEFAULT_BAND_FACTORS[band];
  const thin = calibration ? ` (calibration has ${cell?.total ?? 0} such ${noun(cell?.total ?? 0, "deal")}, needs ${calibration.minSample})` : "";
  return { factor, why: `default: ${band} qualification (intent ${deal.intentScore}) ×${factor}${thin}` };
}

function forecastOne(deal: ForecastDeal, options: ForecastOptions): DealForecast {
  const band = qualificationBand(deal.intentScore);
  const useRep = options.basis === "rep" && deal.repConfidence !== null;
  const probability = useRep ? (deal.repConfidence ?? 0) / 100 : deal.stageProbability;
  const basisText = useRep ? `rep confidence ${pct(probability)}` : `stage probability ${pct(probability)}`;
  const fallback = options.basis === "rep" && !useRep ? " (no rep confidence, stage used)" : "";
  const { factor, why } = qualificationFactor(deal, band, options.calibration);
  const adjustedProbability = Math.min(1, probability * factor);
  const capped = probability * factor > 1;
  return {
    id: deal.id,
    band,
    probability,
    adjustedProbability,
    raw: deal.amount * probability,
    adjusted: deal.amount * adjustedProbability,
    factor: probability === 0 ? 1 : capped ? adjustedProbability / probability : factor,
    explanation: `${basisText}${fallback}; ${why}${capped ? ", capped at 100%" : ""} → ${pct(adjustedProbability)}`,
  };
}

/**
 * Raw pipeline value (amount × basis probability) next to the qualification-adjusted value, deal by deal.
 * The verdict does not enter the price, on purpose. A "needs evidence" deal lacks criteria its stage requires,
 * and those criteria already earn it no (or half) intent points, which lowers its band and so its factor:
 * discounting it again for the verdict would count the same missing evidence twice. It also keeps the price a
 * function of (stage, band) only, which the dashboard's grouped forecast relies on.
 */
export function forecast(deals: ForecastDeal[], options: ForecastOptions): ForecastResult {
  const rows = deals.map((d) => forecastOne(d, options));
  let raw = 0;
  let adjusted = 0;
  for (const r of rows) {
    raw += r.raw;
    adjusted += r.adjusted;
  }
  return { basis: options.basis, raw, adjusted, deals: rows };
}

/** Builds a forecast row from an opportunity, its pipeline and its scorecard. */
export function toForecastDeal(opportunity: OpportunitySnapshot, pipeline: Pipeline, intent: IntentResult): ForecastDeal {
  return {
    id: opportunity.id,
    stageId: opportunity.stageId,
    amount: opportunity.amount,
    stageProbability: findStage(pipeline, opportunity.stageId)?.probability ?? 0,
    repConfidence: opportunity.repConfidence,
    intentScore: intent.score,
  };
}
