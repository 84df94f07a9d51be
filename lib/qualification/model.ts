/**
 * The engine's own vocabulary. Callers (database layer, UI, imports, jobs) map their rows onto these plain
 * types; nothing here knows about Prisma enums or HTTP. Every date is a `Date` and every id is a string slug.
 */

/** What the team knows about one criterion. "negative" means the prospect said no, which is knowledge, not a gap. */
export type EvidenceState = "unknown" | "claimed" | "verified" | "negative";

/** Evidence state after freshness is applied: claimed or verified evidence older than its window is "stale". */
export type EffectiveState = EvidenceState | "stale";

export type StakeholderRole = "economic_buyer" | "champion" | "decision_maker" | "influencer" | "blocker" | "user" | "procurement";

export type FrameworkKey = "bant" | "meddicc" | "meddpicc" | "spiced" | "champ" | "custom";

/** Organization = fit to the ICP, opportunity = the framework, stakeholder = the buying committee. */
export type CriterionLevel = "organization" | "opportunity" | "stakeholder";

/** Minimum evidence a gate can ask for. */
export type RequiredState = "claimed" | "verified";

/**
 * How a piece of evidence is known. Self-attested: the deal owner's word alone. Contact statement: a contact
 * whose committee role fits the criterion said it. Document: a reference anyone can check (signed MAP, security
 * review). Buyer confirmed: the buyer confirmed it on a recap. Manager reviewed: a manager examined and accepted it.
 */
export type EvidenceBasis = "self_attested" | "contact_statement" | "document" | "buyer_confirmed" | "manager_reviewed";

/** The least basis a gate accepts for a verified criterion: a third party ("stated") or buyer/manager ("confirmed"). */
export type MinBasis = "stated" | "confirmed";

/**
 * Stage ids by which a criterion must be at least claimed / verified. `defaultGates` turns these into exit
 * requirements of those stages, so each template decides its own gate plan as data.
 */
export interface RequiredBy {
  claimed?: string;
  verified?: string;
  /** The least basis the `verified` requirement accepts; absent = any verification. */
  basis?: MinBasis;
}

export interface CriterionDefinition {
  id: string;
  label: string;
  level: CriterionLevel;
  /** Relative importance; scores are normalised by the sum of weights, so only ratios matter. */
  weight: number;
  /** A must-have: a "negative" answer disqualifies the deal instead of merely delaying it. */
  knockout: boolean;
  /** Days evidence stays current; null = never goes stale. */
  freshnessDays: number | null;
  description: string;
  /** Discovery questions, most useful first. */
  questions: string[];
  /** The change to watch for when a "no" on this criterion puts the deal in nurture. */
  nurtureTrigger?: string;
  requiredBy?: RequiredBy;
  /** Committee roles whose statement can verify this criterion; absent = anyone on the committee but a blocker. */
  verifierRoles?: StakeholderRole[];
  /** Words evidence about this criterion is about, for the contradiction check; the label's words are always used. */
  keyTerms?: string[];
}

export interface Framework {
  key: FrameworkKey;
  name: string;
  criteria: CriterionDefinition[];
  /** The criterion that stands for "budget confirmed" in the late-stage budget flag. */
  budgetCriterionId?: string;
  /** The criterion that carries timing (timeline, critical event...), used to phrase nurture advice. */
  timingCriterionId?: string;
}

export interface EvidenceItem {
  noteId?: string | null;
  excerpt: string;
  contactId?: string | null;
  capturedAt: Date;
  verifiedBy?: string | null;
  verifiedAt?: Date | null;
  /** Absent on older data: read as self-attested. */
  basis?: EvidenceBasis;
  documentRef?: string | null;
  /** A manager challenged it: it no longer backs a verification. */
  challenged?: boolean;
}

export interface CriterionEvidence {
  criterionId: string;
  state: EvidenceState;
  evidence: EvidenceItem[];
}

export interface Stakeholder {
  contactId: string;
  name: string;
  role: StakeholderRole;
  lastEngagedAt: Date | null;
  championTested: boolean;
  addedAt: Date;
}

/** A manager's decision to let a deal through the exit gate of `stageId` despite blockers, until `expiresAt`. */
export interface GateOverride {
  stageId: string;
  by: string;
  reason: string;
  expiresAt: Date;
  createdAt: Date;
}

export type OpportunityStatus = "open" | "won" | "lost";

export interface OpportunitySnapshot {
  id: string;
  stageId: string;
  status: OpportunityStatus;
  amount: number;
  /** Rep's own win probability, 0–100; null when the rep has not given one. */
  repConfidence: number | null;
  expectedCloseDate: Date | null;
  /** First committed close date, to detect slips. */
  originalCloseDate?: Date | null;
  createdAt: Date;
  lastActivityAt: Date | null;
  criteria: CriterionEvidence[];
  stakeholders: Stakeholder[];
  overrides: GateOverride[];
  /** For a lost deal: the open stage it was lost from, so reopening cannot skip the gates after it. */
  lostFromStageId?: string | null;
}

export type StageKind = "open" | "won" | "lost";

export type GateRequirement =
  | { kind: "criterion"; criterionId: string; atLeast: RequiredState; basis?: MinBasis }
  | { kind: "min_fit"; score: number }
  | { kind: "min_intent"; score: number }
  /** Someone in `role` is on the committee; with `engagedWithinDays`, one of them was engaged that recently. */
  | { kind: "stakeholder"; role: StakeholderRole; engagedWithinDays?: number }
  | { kind: "champion_tested" };

export interface StageDefinition {
  id: string;
  label: string;
  /** Default win probability of a deal in this stage, 0..1. */
  probability: number;
  kind: StageKind;
  /** Exit criteria: what must hold to leave this stage forward. */
  exit: GateRequirement[];
}

/** Stages in pipeline order. Open stages come first; won and lost stages are terminal. */
export interface Pipeline {
  stages: StageDefinition[];
}

export type ReasonCode =
  | "fit_score"
  | "fit_unknown"
  | "icp_knockout"
  | "icp_knockout_unknown"
  | "fit_too_low"
  | "fit_below_pursue"
  | "intent_score"
  | "must_have_negative"
  | "criterion_negative"
  | "deal_stale"
  | "stage_evidence_missing"
  | "unproven"
  | "pursue";

/** One plain-language explanation, tied to a criterion or ICP rule when there is one. */
export interface Reason {
  code: ReasonCode;
  criterionId?: string;
  text: string;
}
