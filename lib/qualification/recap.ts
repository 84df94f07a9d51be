import type { CriterionDefinition, EvidenceState } from "./model";
import { assertNever } from "./never";

/** One point of a recap: what the seller understands about one criterion, in words the buyer can judge. */
export interface RecapPoint {
  criterionId: string;
  label: string;
  text: string;
}

/** What the buyer said about a point. "Not right" carries the state the buyer gave: not so (negative) or not known yet. */
export type RecapAnswer =
  { kind: "confirm" } | { kind: "correct"; text: string } | { kind: "not_right"; outcome: "negative" | "unknown"; text: string | null };

/** Most points a recap holds: a buyer reads it on a phone. */
export const MAX_RECAP_POINTS = 12;

/** Days a recap link works unless revoked. */
export const RECAP_VALID_DAYS = 14;

interface KnownCriterion {
  criterionId: string;
  state: EvidenceState;
  /** The latest evidence's words; null when the criterion has none. */
  latestExcerpt: string | null;
}

/**
 * The recap a rep starts from: every criterion the deal has an answer for (claimed, verified or a "no"), in
 * the framework's order, worded from its latest evidence. Unknown criteria are left out: there is nothing to confirm.
 */
export function draftRecapPoints(criteria: CriterionDefinition[], known: KnownCriterion[]): RecapPoint[] {
  const points: RecapPoint[] = [];
  for (const def of criteria) {
    const k = known.find((c) => c.criterionId === def.id);
    if (!k || k.state === "unknown") continue;
    const excerpt = k.latestExcerpt?.trim();
    const text = excerpt ? excerpt : k.state === "negative" ? `${def.label}: not in place yet.` : `${def.label}: in place.`;
    points.push({ criterionId: def.id, label: def.label, text });
    if (points.length === MAX_RECAP_POINTS) break;
  }
  return points;
}

/**
 * The criterion state a buyer's answer leads to. The buyer's word replaces the seller's record, whatever it
 * was: a confirmation verifies, a correction is a claim in the buyer's words, "not right" is what they said.
 */
export function stateFromAnswer(answer: RecapAnswer): EvidenceState {
  switch (answer.kind) {
    case "confirm":
      return "verified";
    case "correct":
      return "claimed";
    case "not_right":
      return answer.outcome;
    default:
      return assertNever(answer);
  }
}

/** The words that go on record as the evidence of an answer. */
export function answerExcerpt(point: RecapPoint, answer: RecapAnswer): string {
  switch (answer.kind) {
    case "confirm":
      return point.text;
    case "correct":
      return answer.text;
    case "not_right":
      return answer.text?.trim() ? answer.text : `Not right: "${point.text}"`;
    default:
      return assertNever(answer);
  }
}

export type RecapStatus = "open" | "responded" | "expired" | "revoked";

/** Where a recap link stands at `now`: revoked and answered win over expiry (they happened first, for good). */
export function recapStatus(recap: { revokedAt: Date | null; respondedAt: Date | null; expiresAt: Date }, now: Date): RecapStatus {
  if (recap.revokedAt) return "revoked";
  if (recap.respondedAt) return "responded";
  return recap.expiresAt.getTime() <= now.getTime() ? "expired" : "open";
}
