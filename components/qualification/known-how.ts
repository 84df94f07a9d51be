import {
  basisRank,
  findContradiction,
  ROLE_LABELS,
  type CriterionDefinition,
  type EvidenceBasis,
  type EvidenceState,
  type StakeholderRole,
} from "@/lib/qualification";

/** How the scorecard says a criterion is known: the basis, in plain words, and a flag when the words contradict it. */
export interface KnownHow {
  basis: EvidenceBasis;
  text: string;
  contradiction: string | null;
  /** A manager challenged the last verification: the reason, for the rep. */
  challenge: string | null;
}

interface EvidenceRow {
  criterionId: string;
  state: EvidenceState;
  basis: EvidenceBasis;
  excerpt: string;
  contactId: string | null;
  documentRef: string | null;
  reviewedById: string | null;
  challengedAt: Date | null;
  challengeReason: string | null;
  capturedAt: Date;
}

export interface KnownHowContext {
  contactName: (id: string) => string | null;
  rolesOf: (contactId: string) => StakeholderRole[];
  userName: (id: string) => string | null;
}

function describe(e: EvidenceRow, ctx: KnownHowContext): string {
  const who = e.contactId ? ctx.contactName(e.contactId) : null;
  const roles = e.contactId ? ctx.rolesOf(e.contactId).map((r) => ROLE_LABELS[r]) : [];
  const person = who ? `${who}${roles.length ? ` (${roles.join(", ")})` : ""}` : null;
  switch (e.basis) {
    case "self_attested":
      return "Self-attested by the deal owner";
    case "contact_statement":
      return person ? `Stated by ${person}` : "Stated by a contact";
    case "document":
      return `Document: ${e.documentRef ?? "reference"}`;
    case "buyer_confirmed":
      return person ? `Confirmed by ${person}, the buyer, in a recap` : "Confirmed by the buyer in a recap";
    case "manager_reviewed": {
      const manager = e.reviewedById ? ctx.userName(e.reviewedById) : null;
      return `Reviewed by ${manager ?? "a manager"}${person ? ` (stated by ${person})` : ""}`;
    }
  }
}

/**
 * Per criterion: for a verified one, the strongest unchallenged verification; otherwise the latest evidence.
 * `rows` must be in capture order (oldest first).
 */
export function knownHowByCriterion(
  rows: EvidenceRow[],
  states: Map<string, EvidenceState>,
  criteria: CriterionDefinition[],
  ctx: KnownHowContext,
): Map<string, KnownHow> {
  const out = new Map<string, KnownHow>();
  for (const def of criteria) {
    const own = rows.filter((r) => r.criterionId === def.id);
    const state = states.get(def.id) ?? "unknown";
    const verified = own.filter((r) => r.state === "verified" && r.challengedAt === null);
    const best =
      state === "verified"
        ? verified.reduce<EvidenceRow | null>((b, r) => (!b || basisRank(r.basis) >= basisRank(b.basis) ? r : b), null)
        : (own.at(-1) ?? null);
    if (!best) continue;
    const challenged = own.filter((r) => r.challengedAt !== null).at(-1);
    out.set(def.id, {
      basis: best.basis,
      text: describe(best, ctx),
      contradiction: findContradiction(def, state, best.excerpt)?.text ?? null,
      challenge: state !== "verified" && challenged?.challengeReason ? challenged.challengeReason : null,
    });
  }
  return out;
}
