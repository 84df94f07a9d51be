import { checkBasis, type EvidenceProof } from "./basis";
import type { EvidenceBasis, EvidenceState, Framework, OpportunitySnapshot } from "./model";

/**
 * The state a criterion takes when new evidence arrives: the latest word wins, except that a mere claim does
 * not undo a verification (it only refreshes the evidence). A "no" always counts: it is knowledge.
 */
export function stateAfter(current: EvidenceState, asserted: Exclude<EvidenceState, "unknown">): EvidenceState {
  return current === "verified" && asserted === "claimed" ? "verified" : asserted;
}

export interface EvidenceAction {
  criterionId: string;
  proof: EvidenceProof;
  contactId: string | null;
  at: Date;
}

export type RecordResult =
  { ok: true; opportunity: OpportunitySnapshot; basis: EvidenceBasis; from: EvidenceState; to: EvidenceState } | { ok: false; message: string };

/**
 * A deal after one more piece of evidence, by the same rules the server applies (basis first, then the state
 * rule). Pure: the server uses `checkBasis`/`stateAfter` on rows; tests and simulations use this on snapshots.
 */
export function recordEvidence(framework: Framework, opportunity: OpportunitySnapshot, action: EvidenceAction): RecordResult {
  const def = framework.criteria.find((c) => c.id === action.criterionId);
  if (!def) return { ok: false, message: `"${action.criterionId}" is not a criterion of ${framework.name}.` };
  const check = checkBasis(def, action.proof);
  if (!check.ok) return check;
  const current = opportunity.criteria.find((c) => c.criterionId === def.id);
  const from = current?.state ?? "unknown";
  const to = stateAfter(from, action.proof.state);
  const verified = action.proof.state === "verified";
  const item = {
    excerpt: action.proof.excerpt,
    contactId: action.contactId,
    capturedAt: action.at,
    basis: check.basis,
    documentRef: action.proof.documentRef ?? null,
    verifiedAt: verified ? action.at : null,
  };
  const criteria = current
    ? opportunity.criteria.map((c) => (c === current ? { ...c, state: to, evidence: [...c.evidence, item] } : c))
    : [...opportunity.criteria, { criterionId: def.id, state: to, evidence: [item] }];
  return { ok: true, opportunity: { ...opportunity, criteria }, basis: check.basis, from, to };
}
