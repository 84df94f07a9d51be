import { basisRank, verificationBasis } from "./basis";
import { qualificationBand } from "./calibrate";
import { findEvidence } from "./evidence";
import { DEFAULT_BAND_FACTORS } from "./forecast";
import type { IntentResult } from "./intent";
import type { OpportunitySnapshot, Pipeline } from "./model";
import { findStage } from "./pipeline";

/** How far the rep's confidence runs ahead of what the evidence supports, and why. */
export interface WishcastingGap {
  /** Both in percent, 0–100. */
  repConfidence: number;
  evidenceProbability: number;
  /** repConfidence − evidenceProbability, in points; negative when the rep is more cautious than the evidence. */
  gap: number;
  because: string[];
  text: string;
}

/** Gaps smaller than this are noise, not wishcasting. */
export const WISHCASTING_THRESHOLD = 15;

/** Why the adjusted forecast counts a deal at less than its stage's probability. */
export interface ForecastDiscount {
  /** Percent, 0–100. */
  stageProbability: number;
  evidenceProbability: number;
  /** The intent band the forecast prices with, and the heaviest shortfalls of the evidence. */
  because: string[];
}

/**
 * The evidence-based probability (the stage's probability × the default qualification factor of the deal's
 * intent band, as in the adjusted forecast) with the heaviest reasons the evidence falls short: criteria not
 * verified (must-haves first), and verifications on the owner's word alone.
 */
export function forecastDiscount(opportunity: OpportunitySnapshot, pipeline: Pipeline, intent: IntentResult): ForecastDiscount {
  const stage = findStage(pipeline, opportunity.stageId)?.probability ?? 0;
  const evidenceProbability = Math.round(Math.min(1, stage * DEFAULT_BAND_FACTORS[qualificationBand(intent.score)]) * 100);
  const shortfalls = intent.criteria
    .flatMap((c) => {
      if (c.effectiveState === "verified") {
        const basis = verificationBasis(findEvidence(opportunity, c.criterionId));
        return basis !== null && basisRank(basis) === 0 ? [{ c, text: `${c.label} verified on the owner's word alone` }] : [];
      }
      const what =
        c.effectiveState === "unknown"
          ? "unknown"
          : c.effectiveState === "negative"
            ? "a no"
            : c.effectiveState === "stale"
              ? "stale"
              : "only claimed";
      return [{ c, text: `${c.label} ${what}` }];
    })
    .sort((a, b) => Number(b.c.knockout) - Number(a.c.knockout) || b.c.weight - a.c.weight)
    .slice(0, 3)
    .map((s) => s.text);
  return {
    stageProbability: Math.round(stage * 100),
    evidenceProbability,
    because: [`intent ${intent.score}/100 at a ${Math.round(stage * 100)}% stage`, ...shortfalls],
  };
}

/**
 * The rep's confidence next to the evidence-based probability of `forecastDiscount`, with its reasons.
 * Null when the rep gave no confidence.
 */
export function wishcastingGap(opportunity: OpportunitySnapshot, pipeline: Pipeline, intent: IntentResult): WishcastingGap | null {
  if (opportunity.repConfidence === null) return null;
  const { evidenceProbability, because } = forecastDiscount(opportunity, pipeline, intent);
  const gap = opportunity.repConfidence - evidenceProbability;
  const text =
    gap >= WISHCASTING_THRESHOLD
      ? `Rep says ${opportunity.repConfidence}%, evidence supports ${evidenceProbability}% because ${because.join("; ")}`
      : `Rep says ${opportunity.repConfidence}%, evidence supports ${evidenceProbability}%: no wishcasting`;
  return { repConfidence: opportunity.repConfidence, evidenceProbability, gap, because, text };
}
