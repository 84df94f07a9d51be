import { basisRank, MIN_BASIS_LABEL, meetsBasis, verificationBasis } from "./basis";
import { liveDays, olderThan, type DayText } from "./dates";
import { criterionStatus, findEvidence, meets } from "./evidence";
import type { FitResult } from "./fit";
import { scoreIntent, type IntentResult } from "./intent";
import type { Framework, GateRequirement, OpportunitySnapshot, StageDefinition, Stakeholder, StakeholderRole } from "./model";
import { assertNever } from "./never";
import { ROLE_LABELS } from "./roles";

export type BlockerCode =
  | "criterion_missing"
  | "criterion_not_verified"
  | "criterion_negative"
  | "criterion_stale"
  | "criterion_undefined"
  | "fit_below_min"
  | "intent_below_min"
  | "stakeholder_missing"
  | "stakeholder_not_engaged"
  | "champion_untested"
  | "criterion_basis_weak"
  | "deal_not_yet";

/** The manager override that let a blocker through. */
export interface AppliedOverride {
  by: string;
  reason: string;
  expiresAt: Date;
}

export interface Blocker {
  /** The stage whose exit gate holds this requirement. */
  stageId: string;
  /** The gate requirement that is unmet; null for a hold that is not a requirement (a "not yet" verdict). */
  requirement: GateRequirement | null;
  code: BlockerCode;
  criterionId?: string;
  role?: StakeholderRole;
  message: string;
  /** Set only on blockers listed as overridden. */
  override?: AppliedOverride;
}

export { ROLE_LABELS };

const ROLE_HINTS: Record<StakeholderRole, string> = {
  economic_buyer: "add the contact who signs to the buying committee",
  champion: "add the insider who sells for you when you are not in the room",
  decision_maker: "add the contact who makes the final call",
  influencer: "add a contact who shapes the decision",
  blocker: "find out who opposes the change and add them",
  user: "add a contact who will use the product day to day",
  procurement: "add the procurement contact who runs the purchase",
};

/** What a gate is evaluated against. Intent is computed at most once, and only if a gate asks for it. */
export interface GateContext {
  framework: Framework;
  opportunity: OpportunitySnapshot;
  fit: FitResult | null;
  now: Date;
  intent?: IntentResult;
  /** How texts count days (`liveDays` when absent). */
  dayText?: DayText;
}

function intentOf(ctx: GateContext): IntentResult {
  ctx.intent ??= scoreIntent(ctx.framework, ctx.opportunity, ctx.now, ctx.dayText);
  return ctx.intent;
}

type Finding = Omit<Blocker, "stageId" | "requirement">;

function criterionFinding(req: Extract<GateRequirement, { kind: "criterion" }>, stage: StageDefinition, ctx: GateContext): Finding | null {
  const { criterionId, atLeast } = req;
  const def = ctx.framework.criteria.find((c) => c.id === criterionId);
  if (!def) {
    const message = `Gate requires "${criterionId}", which ${ctx.framework.name} does not define: fix the pipeline`;
    return { code: "criterion_undefined", criterionId, message };
  }
  const evidence = findEvidence(ctx.opportunity, criterionId);
  const status = criterionStatus(def, evidence, ctx.now, ctx.dayText);
  const leave = `to leave ${stage.label}`;
  if (meets(status, atLeast)) {
    if (req.basis === undefined || atLeast !== "verified") return null;
    const basis = verificationBasis(evidence);
    if (basis !== null && meetsBasis(basis, req.basis)) return null;
    const now =
      basis === null || basisRank(basis) === 0
        ? "rests on the deal owner's word alone"
        : "is backed only by the rep's record of a contact or document";
    return { code: "criterion_basis_weak", criterionId, message: `${def.label} ${now}: it must be ${MIN_BASIS_LABEL[req.basis]} ${leave}` };
  }
  switch (status.effectiveState) {
    case "unknown":
      return { code: "criterion_missing", criterionId, message: `${def.label} unknown: it must be ${atLeast} ${leave}` };
    case "negative":
      return { code: "criterion_negative", criterionId, message: `${def.label} came back negative: the prospect said no` };
    case "stale":
      return { code: "criterion_stale", criterionId, message: `${def.label} evidence is stale: re-confirm it ${leave} (${status.reason})` };
    case "claimed":
      return { code: "criterion_not_verified", criterionId, message: `${def.label} is only claimed: verify it ${leave}` };
    case "verified":
      return null;
    default:
      return assertNever(status.effectiveState);
  }
}

function engagedWithin(s: Stakeholder, days: number, now: Date): boolean {
  return s.lastEngagedAt !== null && !olderThan(s.lastEngagedAt, days, now);
}

function stakeholderFinding(req: Extract<GateRequirement, { kind: "stakeholder" }>, ctx: GateContext): Finding | null {
  const { role, engagedWithinDays } = req;
  const people = ctx.opportunity.stakeholders.filter((s) => s.role === role);
  const label = ROLE_LABELS[role];
  if (people.length === 0) return { code: "stakeholder_missing", role, message: `${label} not identified: ${ROLE_HINTS[role]}` };
  if (engagedWithinDays === undefined || people.some((s) => engagedWithin(s, engagedWithinDays, ctx.now))) return null;
  const last = people
    .map((s) => s.lastEngagedAt)
    .filter((d): d is Date => d !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  const seen = last ? `last engaged ${(ctx.dayText ?? liveDays)(last, ctx.now, "days")} ago` : "never engaged";
  return { code: "stakeholder_not_engaged", role, message: `${label} not engaged in the last ${engagedWithinDays} days (${seen}): book a meeting` };
}

function championFinding(ctx: GateContext): Finding | null {
  const champions = ctx.opportunity.stakeholders.filter((s) => s.role === "champion");
  if (champions.some((s) => s.championTested)) return null;
  const message =
    champions.length === 0
      ? "No champion to test: identify the insider who sells for you first"
      : "Champion not tested: ask them for something that costs effort, such as an introduction to the economic buyer";
  return { code: "champion_untested", role: "champion", message };
}

/** Evaluates one exit requirement; null when it holds. */
export function checkRequirement(req: GateRequirement, stage: StageDefinition, ctx: GateContext): Blocker | null {
  const finding = findingFor(req, stage, ctx);
  if (!finding) return null;
  const blocker: Blocker = { stageId: stage.id, requirement: req, code: finding.code, message: finding.message };
  if (finding.criterionId !== undefined) blocker.criterionId = finding.criterionId;
  if (finding.role !== undefined) blocker.role = finding.role;
  return blocker;
}

function findingFor(req: GateRequirement, stage: StageDefinition, ctx: GateContext): Finding | null {
  switch (req.kind) {
    case "criterion":
      return criterionFinding(req, stage, ctx);
    case "stakeholder":
      return stakeholderFinding(req, ctx);
    case "champion_tested":
      return championFinding(ctx);
    case "min_fit": {
      if (ctx.fit === null) {
        return {
          code: "fit_below_min",
          message: `No fit score: score the account against the ICP (at least ${req.score} needed to leave ${stage.label})`,
        };
      }
      if (ctx.fit.score >= req.score) return null;
      return { code: "fit_below_min", message: `Fit ${ctx.fit.score}/100 is below the ${req.score} needed to leave ${stage.label}` };
    }
    case "min_intent": {
      const score = intentOf(ctx).score;
      if (score >= req.score) return null;
      return { code: "intent_below_min", message: `Intent ${score}/100 is below the ${req.score} needed to leave ${stage.label}` };
    }
    default:
      return assertNever(req);
  }
}

/** Every unmet requirement of a stage's exit gate, in the order the gate lists them. */
export function checkGate(stage: StageDefinition, ctx: GateContext): Blocker[] {
  const blockers: Blocker[] = [];
  for (const req of stage.exit) {
    const b = checkRequirement(req, stage, ctx);
    if (b) blockers.push(b);
  }
  return blockers;
}
