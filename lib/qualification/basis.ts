import { ROLE_LABELS } from "./roles";
import type { CriterionDefinition, CriterionEvidence, EvidenceBasis, EvidenceItem, EvidenceState, MinBasis, StakeholderRole } from "./model";
import { assertNever } from "./never";

/** Anyone on the buying committee may state a criterion that names no verifier roles, except someone opposing the deal. */
export const ANY_COMMITTEE_ROLE: StakeholderRole[] = ["economic_buyer", "champion", "decision_maker", "influencer", "user", "procurement"];

export function verifierRoles(def: CriterionDefinition): StakeholderRole[] {
  return def.verifierRoles ?? ANY_COMMITTEE_ROLE;
}

/** 0: the owner's word; 1: a third party on record (fitting contact, document); 2: the buyer or a manager confirmed it. */
export function basisRank(basis: EvidenceBasis): 0 | 1 | 2 {
  switch (basis) {
    case "self_attested":
      return 0;
    case "contact_statement":
    case "document":
      return 1;
    case "buyer_confirmed":
    case "manager_reviewed":
      return 2;
    default:
      return assertNever(basis);
  }
}

export function meetsBasis(basis: EvidenceBasis, min: MinBasis): boolean {
  return basisRank(basis) >= (min === "stated" ? 1 : 2);
}

export const MIN_BASIS_LABEL: Record<MinBasis, string> = {
  stated: "stated by a fitting contact, a document, the buyer or a manager",
  confirmed: "confirmed by the buyer or reviewed by a manager",
};

/** What a writer offers as proof for one piece of evidence. */
export interface EvidenceProof {
  state: Exclude<EvidenceState, "unknown">;
  excerpt: string;
  /** Roles the named contact holds on this deal's committee; null when no contact was named. */
  contactRoles: StakeholderRole[] | null;
  documentRef?: string | null;
  /** Only the recap path sets this: the buyer's own confirmation. */
  buyerConfirmed?: boolean;
  /** Only the manager review path sets this. */
  managerReviewed?: boolean;
}

export type BasisCheck = { ok: true; basis: EvidenceBasis } | { ok: false; message: string };

function roleList(roles: StakeholderRole[]): string {
  const names = roles.map((r) => ROLE_LABELS[r].toLowerCase());
  return names.length <= 1 ? (names[0] ?? "committee member") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

/** The sentence a refused verification shows: what proof would do. */
export function proofNeeded(def: CriterionDefinition): string {
  return (
    `${def.label} cannot be verified on your word alone: name the ${roleList(verifierRoles(def))} who said it ` +
    "(on the buying committee), give a document or link that shows it (e.g. the signed MAP, the security review), " +
    "or have the buyer confirm it in a recap."
  );
}

/**
 * The basis a piece of evidence rests on, or why it is refused. A claim or a "no" needs a source: an excerpt
 * or a contact. A verification needs a third party: a contact whose committee role fits the criterion, a
 * document, the buyer's confirmation or a manager's review.
 */
export function checkBasis(def: CriterionDefinition, proof: EvidenceProof): BasisCheck {
  if (proof.buyerConfirmed) return { ok: true, basis: "buyer_confirmed" };
  if (proof.managerReviewed) return { ok: true, basis: "manager_reviewed" };
  const fits = proof.contactRoles !== null && proof.contactRoles.some((r) => verifierRoles(def).includes(r));
  const hasDocument = Boolean(proof.documentRef?.trim());
  if (proof.state !== "verified") {
    if (proof.excerpt.trim() === "" && proof.contactRoles === null)
      return { ok: false, message: `Say where "${def.label}" comes from: quote the note or name the contact who said it.` };
    return { ok: true, basis: proof.contactRoles !== null ? "contact_statement" : hasDocument ? "document" : "self_attested" };
  }
  if (fits) return { ok: true, basis: "contact_statement" };
  if (hasDocument) return { ok: true, basis: "document" };
  if (proof.contactRoles !== null) {
    return { ok: false, message: `${proofNeeded(def)} The contact you named is not on the committee as ${roleList(verifierRoles(def))}.` };
  }
  return { ok: false, message: proofNeeded(def) };
}

export const basisOf = (item: EvidenceItem): EvidenceBasis => item.basis ?? "self_attested";

/** The strongest basis among the unchallenged verified evidence of a criterion; null when nothing verifies it. */
export function verificationBasis(evidence: CriterionEvidence | undefined): EvidenceBasis | null {
  let best: EvidenceBasis | null = null;
  for (const item of evidence?.evidence ?? []) {
    if (item.challenged || (item.verifiedAt == null && item.basis !== "buyer_confirmed" && item.basis !== "manager_reviewed")) continue;
    const basis = basisOf(item);
    if (best === null || basisRank(basis) > basisRank(best)) best = basis;
  }
  return best;
}
