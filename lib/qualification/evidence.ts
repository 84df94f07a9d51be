import { latest, liveDays, olderThan, type DayText } from "./dates";
import type { CriterionDefinition, CriterionEvidence, EffectiveState, EvidenceState, OpportunitySnapshot } from "./model";
import { assertNever } from "./never";

/** What the engine concludes about one criterion's evidence at `now`. */
export interface CriterionStatus {
  criterionId: string;
  label: string;
  state: EvidenceState;
  /** `state`, except claimed/verified evidence outside its freshness window becomes "stale". */
  effectiveState: EffectiveState;
  /** False when the latest evidence is older than the freshness window (or claimed/verified without a date). */
  fresh: boolean;
  /** Latest capture or verification date across the evidence items. */
  lastEvidenceAt: Date | null;
  reason: string;
}

/** First evidence record for a criterion; later duplicates are ignored. */
export function findEvidence(opportunity: OpportunitySnapshot, criterionId: string): CriterionEvidence | undefined {
  for (const c of opportunity.criteria) if (c.criterionId === criterionId) return c;
  return undefined;
}

function lastEvidenceDate(evidence: CriterionEvidence | undefined): Date | null {
  let last: Date | null = null;
  if (!evidence) return last;
  for (const item of evidence.evidence) last = latest(latest(last, item.capturedAt), item.verifiedAt);
  return last;
}

/**
 * Evidence is fresh while its latest date is within `freshnessDays` of `now`. A claim with no dated evidence
 * cannot show it is current, so it counts as not fresh (adding evidence can then only help).
 */
function isFresh(def: CriterionDefinition, last: Date | null, now: Date): boolean {
  if (def.freshnessDays === null) return true;
  if (last === null) return false;
  return !olderThan(last, def.freshnessDays, now);
}

function ago(last: Date | null, now: Date, dayText: DayText): string {
  return last === null ? "undated" : `${dayText(last, now, "days")} old`;
}

function describe(def: CriterionDefinition, state: EvidenceState, fresh: boolean, last: Date | null, now: Date, dayText: DayText): string {
  switch (state) {
    case "unknown":
      return "Unknown: no evidence yet";
    case "negative":
      return `Negative: the prospect said no (evidence ${ago(last, now, dayText)})`;
    case "claimed":
    case "verified": {
      const what = state === "claimed" ? "Claimed, not verified" : "Verified";
      if (fresh) return `${what} (evidence ${ago(last, now, dayText)})`;
      return `${what} but stale: evidence ${ago(last, now, dayText)}, freshness window ${def.freshnessDays} days`;
    }
    default:
      return assertNever(state);
  }
}

export function criterionStatus(
  def: CriterionDefinition,
  evidence: CriterionEvidence | undefined,
  now: Date,
  dayText: DayText = liveDays,
): CriterionStatus {
  const state = evidence?.state ?? "unknown";
  const lastEvidenceAt = lastEvidenceDate(evidence);
  const fresh = state === "unknown" || isFresh(def, lastEvidenceAt, now);
  const stale = !fresh && (state === "claimed" || state === "verified");
  return {
    criterionId: def.id,
    label: def.label,
    state,
    effectiveState: stale ? "stale" : state,
    fresh,
    lastEvidenceAt,
    reason: describe(def, state, fresh, lastEvidenceAt, now, dayText),
  };
}

/** Share of a criterion's weight earned by its evidence state. */
export const STATE_POINTS: Record<EvidenceState, number> = { unknown: 0, claimed: 0.5, verified: 1, negative: 0 };

/** Stale claimed/verified evidence keeps this share of its points. */
export const STALE_FACTOR = 0.5;

export function pointsFactor(status: CriterionStatus): number {
  const base = STATE_POINTS[status.state];
  return status.fresh ? base : base * STALE_FACTOR;
}

/** Whether a criterion's evidence meets a gate's minimum. Stale evidence meets nothing. */
export function meets(status: CriterionStatus, atLeast: "claimed" | "verified"): boolean {
  if (status.effectiveState === "verified") return true;
  return status.effectiveState === "claimed" && atLeast === "claimed";
}
