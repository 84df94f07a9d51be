import { addDays, type DayText } from "./dates";
import type { FitResult } from "./fit";
import type { IcpDefinition } from "./icp";
import type { CriterionScore, IntentResult } from "./intent";
import type { Framework, OpportunitySnapshot, Pipeline, Reason } from "./model";
import type { Flag } from "./requalify";
import { stageEvidenceGaps } from "./stage-evidence";

/**
 * "pursue"; "unproven" (needs evidence: the deal stands at a stage without the evidence that stage requires);
 * "nurture" (not yet: a real no, or timing); "disqualify" (not a fit: a misfit was shown).
 */
export const VERDICT_KINDS = ["pursue", "unproven", "nurture", "disqualify"] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

/** A stored verdict string read back; an unknown one reads as "pursue", the verdict that asks nothing of anyone. */
export const asVerdictKind = (v: string): VerdictKind => VERDICT_KINDS.find((k) => k === v) ?? "pursue";

export interface VerdictInput {
  fit: FitResult;
  intent: IntentResult;
  /** Re-qualification flags; a critical stale-deal flag means "not now". */
  flags?: Flag[];
  /**
   * With `pipeline`, the deal's stage is checked for the evidence a deal there must have (its "unproven" test).
   * Leads and accounts have no stage and pass neither, so they are never "unproven".
   */
  opportunity?: OpportunitySnapshot;
  pipeline?: Pipeline;
  framework: Framework;
  icp: IcpDefinition;
  now: Date;
  /** How long to park a deal when nothing better dates the resume. Default 90. */
  nurtureDays?: number;
  /** How texts count days (`liveDays` when absent). */
  dayText?: DayText;
}

export interface Verdict {
  verdict: VerdictKind;
  /** Deciding reasons first, then the fit and intent summaries. */
  reasons: Reason[];
  /** Nurture only: when to look again. */
  resumeOn?: Date;
  /** Nurture only: the change that should bring the deal back. */
  watchFor?: string;
}

export const DEFAULT_NURTURE_DAYS = 90;

/** "Not a fit": failed ICP knockouts, a must-have answered no, or a best-case fit under the floor. */
function disqualifiers(fit: FitResult, intent: IntentResult, icp: IcpDefinition): Reason[] {
  const reasons = fit.reasons.filter((r) => r.code === "icp_knockout");
  for (const c of intent.criteria) {
    if (c.knockout && c.state === "negative") {
      reasons.push({ code: "must_have_negative", criterionId: c.criterionId, text: `Must-have "${c.label}" came back negative: ${c.reason}` });
    }
  }
  const floor = icp.disqualifyBelow;
  if (fit.knockoutsFailed.length === 0 && floor !== undefined && fit.potential < floor) {
    reasons.push({
      code: "fit_too_low",
      text: `Even if every unknown ICP rule matched, fit would be ${fit.potential}/100, below the ${floor} floor`,
    });
  }
  return reasons;
}

interface Hold {
  reason: Reason;
  resumeOn: Date;
  watchFor: string;
}

/** A "no" on a non-must-have is timing: look again when that answer goes stale. */
function negativeHold(c: CriterionScore, framework: Framework, now: Date, fallback: Date): Hold {
  const def = framework.criteria.find((d) => d.id === c.criterionId);
  const window = def?.freshnessDays ?? null;
  const expires = window !== null && c.lastEvidenceAt ? addDays(c.lastEvidenceAt, window) : fallback;
  return {
    reason: { code: "criterion_negative", criterionId: c.criterionId, text: `"${c.label}" is a no for now: ${c.reason}` },
    resumeOn: expires.getTime() > now.getTime() ? expires : now,
    watchFor: def?.nurtureTrigger ?? `A change in ${c.label.toLowerCase()}`,
  };
}

function fitHold(fit: FitResult, icp: IcpDefinition, fallback: Date): Hold {
  const unknown = fit.rules.filter((r) => r.outcome === "unknown").map((r) => r.label);
  const missed = fit.rules.filter((r) => r.outcome === "miss").map((r) => r.label);
  const watchFor = unknown.length > 0 ? `Account data for: ${unknown.join(", ")}` : `Account changes on: ${missed.join(", ")}`;
  return {
    reason: {
      code: "fit_below_pursue",
      text: `Fit ${fit.score}/100 is below the ${icp.pursueThreshold} needed to pursue (best case ${fit.potential})`,
    },
    resumeOn: fallback,
    watchFor,
  };
}

/** "Not yet": a no on something other than a must-have, fit not yet proven, or a deal gone quiet. */
function holds(input: VerdictInput, fallback: Date): Hold[] {
  const { fit, intent, framework, icp, now } = input;
  const found: Hold[] = [];
  for (const c of intent.criteria) if (!c.knockout && c.state === "negative") found.push(negativeHold(c, framework, now, fallback));
  if (fit.score < icp.pursueThreshold) found.push(fitHold(fit, icp, fallback));
  for (const f of input.flags ?? []) {
    if (f.kind === "stale_deal" && f.severity === "critical") {
      found.push({ reason: { code: "deal_stale", text: f.text }, resumeOn: fallback, watchFor: "Any reply or new activity from the account" });
    }
  }
  return found;
}

/** Re-check at the first moment any hold may have lifted. */
function earliest(dates: Date[]): Date {
  return dates.reduce((min, d) => (d.getTime() < min.getTime() ? d : min));
}

function context(fit: FitResult, intent: IntentResult): Reason[] {
  return [...fit.reasons.filter((r) => r.code !== "icp_knockout"), ...intent.reasons];
}

/**
 * Disqualify ("not a fit") > nurture ("not yet") > unproven ("needs evidence") > pursue. Disqualification needs
 * evidence of misfit; timing problems and an unproven ICP fit lead to nurture, so a perfect-fit account with bad
 * timing is "not yet". A deal that passes both but stands at a stage without that stage's must-have evidence is
 * "needs evidence", with what is missing and what to ask: fit alone never makes a late-stage deal "pursue".
 */
export function decideVerdict(input: VerdictInput): Verdict {
  const { fit, intent, icp, now } = input;
  const out = disqualifiers(fit, intent, icp);
  if (out.length > 0) return { verdict: "disqualify", reasons: [...out, ...context(fit, intent)] };
  const fallback = addDays(now, input.nurtureDays ?? DEFAULT_NURTURE_DAYS);
  const held = holds(input, fallback);
  if (held.length > 0) {
    const resumeOn = earliest(held.map((h) => h.resumeOn));
    const watchFor = [...new Set(held.map((h) => h.watchFor))].join("; ");
    return { verdict: "nurture", reasons: [...held.map((h) => h.reason), ...context(fit, intent)], resumeOn, watchFor };
  }
  const stage =
    input.opportunity && input.pipeline ? stageEvidenceGaps(input.opportunity, input.pipeline, input.framework, now, input.dayText) : null;
  if (stage && stage.gaps.length > 0) return { verdict: "unproven", reasons: [...stage.reasons, ...context(fit, intent)] };
  const met = `Fit ${fit.score}/100 meets the ${icp.pursueThreshold} threshold`;
  const text = stage?.checked
    ? `${met}, no must-have came back negative and the evidence a deal in ${stage.stageLabel} needs is in place`
    : `${met} and no must-have came back negative`;
  const go: Reason = { code: "pursue", text };
  return { verdict: "pursue", reasons: [go, ...context(fit, intent)] };
}
