import { qualificationBand } from "./calibrate";
import { DEFAULT_BAND_FACTORS } from "./forecast";

/**
 * Forecast honesty: on deals that have closed, how well did each way of forecasting predict what happened?
 * Three predictors are compared on the same deals: the stage's probability (the raw forecast), the rep's own
 * confidence, and the qualification-adjusted probability (stage × the default factor of the deal's band).
 */

export type Predictor = "stage" | "rep" | "adjusted";
export const PREDICTORS: readonly Predictor[] = ["stage", "rep", "adjusted"];

/**
 * One forecast made for a deal that has since closed: its scorecard at one open stage. A deal scored at several
 * stages gives several forecasts (each is judged on the outcome), and `weight` (1 / its number of forecasts)
 * makes it count once in money and deal counts. Judging only each deal's last forecast would be biased: a lost
 * deal's last forecast is the stage where it died, while the deals that moved on are judged at later stages.
 */
export interface ClosedForecast {
  /** The deal's id (several forecasts share it). */
  id: string;
  /** 1 / the deal's number of forecasts; 1 when omitted. */
  weight?: number;
  ownerId: string;
  closedOn: Date;
  amount: number;
  won: boolean;
  /** The probability of the stage it was forecast in, 0..1. */
  stageProbability: number;
  /** 0–100, or null when the rep gave none (the rep predictor then leaves the deal out). */
  repConfidence: number | null;
  /** Intent of that scorecard, 0–100. */
  intentScore: number;
}

/** How one predictor did on a set of deals. All null when it had no deal to predict. */
export interface PredictorScore {
  /** Deals the predictor gave a probability for, and the forecasts it made for them. */
  deals: number;
  forecasts: number;
  /** Σ amount × probability (a deal's forecasts averaged), and the amount actually won, over those deals. */
  predictedAmount: number;
  wonAmount: number;
  /** predictedAmount − wonAmount: positive means the forecast promised more than closed. */
  amountError: number;
  /** Mean probability minus the actual win rate over the forecasts, in probability points: positive = optimistic. */
  bias: number | null;
  /** Mean |probability − outcome|. */
  meanAbsoluteError: number | null;
  /** Mean (probability − outcome)², 0 is perfect, 0.25 is what always saying 50% scores. */
  brier: number | null;
}

export type PredictorScores = Record<Predictor, PredictorScore>;

/** The probability a predictor gave a deal, or null when it gave none. */
export function predicted(deal: ClosedForecast, predictor: Predictor): number | null {
  switch (predictor) {
    case "stage":
      return clamp(deal.stageProbability);
    case "rep":
      return deal.repConfidence === null ? null : clamp(deal.repConfidence / 100);
    case "adjusted":
      return clamp(deal.stageProbability * DEFAULT_BAND_FACTORS[qualificationBand(deal.intentScore)]);
  }
}

const clamp = (p: number) => Math.min(1, Math.max(0, p));

export function scorePredictor(deals: readonly ClosedForecast[], predictor: Predictor): PredictorScore {
  let n = 0,
    predictedAmount = 0,
    wonAmount = 0,
    sumP = 0,
    sumWon = 0,
    sumAbs = 0,
    sumSq = 0;
  const ids = new Set<string>();
  for (const d of deals) {
    const p = predicted(d, predictor);
    if (p === null) continue;
    const o = d.won ? 1 : 0;
    const w = d.weight ?? 1;
    n++;
    ids.add(d.id);
    predictedAmount += w * d.amount * p;
    wonAmount += d.won ? w * d.amount : 0;
    sumP += p;
    sumWon += o;
    sumAbs += Math.abs(p - o);
    sumSq += (p - o) ** 2;
  }
  return {
    deals: ids.size,
    forecasts: n,
    predictedAmount,
    wonAmount,
    amountError: predictedAmount - wonAmount,
    bias: n ? (sumP - sumWon) / n : null,
    meanAbsoluteError: n ? sumAbs / n : null,
    brier: n ? sumSq / n : null,
  };
}

export function scorePredictors(deals: readonly ClosedForecast[]): PredictorScores {
  return { stage: scorePredictor(deals, "stage"), rep: scorePredictor(deals, "rep"), adjusted: scorePredictor(deals, "adjusted") };
}

/** One band of a calibration chart: deals given a probability in [from, to), and how many of them were won. */
export interface CalibrationBin {
  from: number;
  to: number;
  deals: number;
  /** Mean probability given in the band, and the share actually won; null when the band is empty. */
  meanPredicted: number | null;
  winRate: number | null;
}

/** Predicted vs actual win rate in equal-width bands (the last one includes 100%). */
export function calibrationBins(deals: readonly ClosedForecast[], predictor: Predictor, bins = 5): CalibrationBin[] {
  const acc = Array.from({ length: bins }, () => ({ n: 0, sumP: 0, won: 0 }));
  for (const d of deals) {
    const p = predicted(d, predictor);
    if (p === null) continue;
    const bin = acc[Math.min(bins - 1, Math.floor(p * bins))]!;
    bin.n++;
    bin.sumP += p;
    if (d.won) bin.won++;
  }
  return acc.map((b, i) => ({
    from: i / bins,
    to: (i + 1) / bins,
    deals: b.n,
    meanPredicted: b.n ? b.sumP / b.n : null,
    winRate: b.n ? b.won / b.n : null,
  }));
}

/** Calendar quarter of a date in UTC, e.g. "2026-Q3". */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

export interface HonestyGroup {
  key: string;
  /** Deals won and lost in the group. */
  won: number;
  lost: number;
  scores: PredictorScores;
}

export interface HonestyReport {
  /** Closed deals the report rests on, the forecasts made for them, and how many deals had a rep confidence. */
  deals: number;
  forecasts: number;
  won: number;
  withRepConfidence: number;
  overall: PredictorScores;
  byQuarter: HonestyGroup[];
  byOwner: HonestyGroup[];
  calibration: Record<Predictor, CalibrationBin[]>;
  /** The predictor with the lowest Brier score, or null with no deals. */
  mostHonest: Predictor | null;
}

/** Distinct deals among forecasts, won ones first counted. */
function dealCounts(forecasts: readonly ClosedForecast[]) {
  const outcome = new Map(forecasts.map((f) => [f.id, f]));
  const all = [...outcome.values()];
  return { deals: all.length, won: all.filter((d) => d.won).length, withRep: all.filter((d) => d.repConfidence !== null).length };
}

function groupBy(deals: readonly ClosedForecast[], key: (d: ClosedForecast) => string): HonestyGroup[] {
  const groups = new Map<string, ClosedForecast[]>();
  for (const d of deals) groups.set(key(d), [...(groups.get(key(d)) ?? []), d]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, ds]) => {
      const { deals: n, won } = dealCounts(ds);
      return { key: k, won, lost: n - won, scores: scorePredictors(ds) };
    });
}

/** Error, bias and Brier score of each predictor, overall, per quarter of closing and per owner, with calibration bins. */
export function forecastHonesty(deals: readonly ClosedForecast[], options: { bins?: number } = {}): HonestyReport {
  const overall = scorePredictors(deals);
  let mostHonest: Predictor | null = null;
  for (const p of PREDICTORS) {
    const brier = overall[p].brier;
    if (brier !== null && (mostHonest === null || brier < (overall[mostHonest].brier ?? Infinity))) mostHonest = p;
  }
  const counts = dealCounts(deals);
  return {
    deals: counts.deals,
    forecasts: deals.length,
    won: counts.won,
    withRepConfidence: counts.withRep,
    overall,
    byQuarter: groupBy(deals, (d) => quarterOf(d.closedOn)),
    byOwner: groupBy(deals, (d) => d.ownerId),
    calibration: {
      stage: calibrationBins(deals, "stage", options.bins),
      rep: calibrationBins(deals, "rep", options.bins),
      adjusted: calibrationBins(deals, "adjusted", options.bins),
    },
    mostHonest,
  };
}
