import type { Assessment } from "./assess";
import { DAY_MS, latest } from "./dates";
import { findEvidence } from "./evidence";
import type { OpportunitySnapshot, Pipeline, Framework } from "./model";
import { findStage } from "./pipeline";
import { DEFAULT_THRESHOLDS, type RequalificationThresholds } from "./requalify";

/** What `reassessAt` reads: the assessment's own inputs (fit and the rep's figures never change with time). */
export interface ReassessInput {
  pipeline: Pipeline;
  framework: Framework;
  opportunity: OpportunitySnapshot;
  thresholds?: RequalificationThresholds;
  now: Date;
}

/**
 * The earliest instant after `now` at which time alone could change what is stored and read of the deal's
 * assessment (`readableContent`, with texts in their day-stable stored form): null when nothing in it depends on
 * time. Every rule of the engine that reads `now` has its crossing here; an instant may be early (the crossing
 * changes nothing shown, e.g. a "no" going stale), never late. Day counts inside texts do not count: stored
 * texts carry the instant a count runs from (`storedDays`), so only a threshold being crossed moves them.
 *
 * - flags (open deals at an open stage): stale deal, silent champion, stakeholder never engaged — the day after
 *   the threshold, and again past threshold × critical multiple; expected close date — one day after it;
 * - each criterion's freshness window (intent, gaps, stale-evidence and budget flags, gates, "needs evidence"),
 *   whatever the deal's status, since intent and verdict are computed for closed deals too;
 * - gates' "engaged within N days" for every stage's exit, and every gate override's start and expiry.
 */
export function reassessAt(input: ReassessInput): Date | null {
  const { pipeline, framework, opportunity, now } = input;
  const t = input.thresholds ?? DEFAULT_THRESHOLDS;
  const at = now.getTime();
  let next = Number.POSITIVE_INFINITY;
  const consider = (ms: number) => {
    if (ms > at && ms < next) next = ms;
  };
  // `daysSince(from) > threshold` first holds at from + (⌊threshold⌋ + 1) days; the critical severity past
  // threshold × multiple likewise.
  const dayRule = (from: Date, threshold: number) => {
    consider(from.getTime() + (Math.floor(threshold) + 1) * DAY_MS);
    consider(from.getTime() + (Math.floor(threshold * t.criticalMultiplier) + 1) * DAY_MS);
  };
  // `olderThan(from, days)` (now - from > days): first true one millisecond past the window.
  const window = (from: Date, days: number) => consider(from.getTime() + days * DAY_MS + 1);

  const stage = findStage(pipeline, opportunity.stageId);
  if (opportunity.status === "open" && stage?.kind === "open") {
    dayRule(opportunity.lastActivityAt ?? opportunity.createdAt, t.staleDealDays);
    for (const s of opportunity.stakeholders) {
      if (s.lastEngagedAt === null) dayRule(s.addedAt, t.newStakeholderGraceDays);
      else if (s.role === "champion") dayRule(s.lastEngagedAt, t.silentChampionDays);
    }
    // `daysSince(expected) >= 1`.
    if (opportunity.expectedCloseDate) consider(opportunity.expectedCloseDate.getTime() + DAY_MS);
  }
  for (const def of framework.criteria) {
    if (def.freshnessDays === null) continue;
    // Freshness is judged on the latest date across the criterion's evidence (`criterionStatus`).
    let last: Date | null = null;
    for (const item of findEvidence(opportunity, def.id)?.evidence ?? []) last = latest(latest(last, item.capturedAt), item.verifiedAt);
    if (last) window(last, def.freshnessDays);
  }
  for (const s of pipeline.stages) {
    for (const req of s.exit) {
      if (req.kind !== "stakeholder" || req.engagedWithinDays === undefined) continue;
      for (const p of opportunity.stakeholders) {
        if (p.role === req.role && p.lastEngagedAt !== null) window(p.lastEngagedAt, req.engagedWithinDays);
      }
    }
  }
  for (const o of opportunity.overrides) {
    consider(o.createdAt.getTime());
    consider(o.expiresAt.getTime());
  }
  return Number.isFinite(next) ? new Date(next) : null;
}

/**
 * What is stored of an assessment and read back (the SQL columns and the texts `storedResultSchema` reads), in
 * one comparable value: the stored row's content hash covers exactly this, and `reassessAt` promises it holds
 * until then.
 */
export function readableContent(a: Assessment) {
  return [
    a.fit.score,
    a.intent.score,
    a.verdict.verdict,
    a.intent.gaps.map((g) => `${g.criterionId}:${g.kind}`),
    a.verdict.reasons.map((r) => r.text),
    a.flags.map((f) => [f.kind, f.severity, f.text]),
    a.nextGate && [a.nextGate.allowed, a.nextGate.toStageId, a.nextGate.blockers.map((b) => b.message)],
    a.wishcasting && [a.wishcasting.gap, a.wishcasting.repConfidence, a.wishcasting.evidenceProbability, a.wishcasting.because],
  ];
}
