import { computeFit, type FitResult } from "../fit";
import type { AccountProfile, IcpDefinition } from "../icp";
import { scoreIntent, type IntentResult } from "../intent";
import type { CriterionEvidence, Framework, OpportunitySnapshot } from "../model";
import { decideVerdict, type Verdict } from "../verdict";
import type { AnswerState, IntakeQuestion, LeadAttribute } from "./questions";

/** One stored answer, with what it meant when it was given. */
export interface LeadAnswer {
  questionId: string;
  question: string;
  answer: string;
  criterionId?: string;
  attribute?: LeadAttribute;
  state?: AnswerState;
}

export interface LeadScoreInput {
  company: AccountProfile;
  answers: LeadAnswer[];
  framework: Framework;
  icp: IcpDefinition;
  now: Date;
}

export interface LeadScore {
  fit: FitResult;
  intent: IntentResult;
  verdict: Verdict;
  /** The company profile the fit was computed on (form fields plus attribute answers). */
  profile: AccountProfile;
  /** Criteria the answers claim or deny: the evidence a converted deal starts with. */
  criteria: CriterionEvidence[];
}

const LIST_ATTRIBUTES = new Set<LeadAttribute>(["techStack", "hiringSignals"]);

function splitList(value: string): string[] {
  return value
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/** Attribute answers fill what the company fields left empty; the company fields win when both are given. */
function applyAttributeAnswers(company: AccountProfile, answers: LeadAnswer[]): AccountProfile {
  const profile: AccountProfile = { ...company, techStack: [...company.techStack], hiringSignals: [...company.hiringSignals] };
  for (const a of answers) {
    if (!a.attribute || a.answer.trim() === "") continue;
    const attr = a.attribute;
    if (LIST_ATTRIBUTES.has(attr)) {
      const key = attr as "techStack" | "hiringSignals";
      if (profile[key].length === 0) profile[key] = splitList(a.answer);
    } else if (attr === "employeeCount") {
      const n = Number(a.answer);
      if (profile.employeeCount === null && Number.isInteger(n) && n > 0) profile.employeeCount = n;
    } else {
      const key = attr as "industry" | "country" | "region" | "fundingStage";
      if (profile[key] === null) profile[key] = a.answer.trim();
    }
  }
  return profile;
}

/** A free-text answer is a claim by the lead; a choice answer carries the state its option says. */
function criteriaFromAnswers(answers: LeadAnswer[], framework: Framework, now: Date): CriterionEvidence[] {
  const known = new Set(framework.criteria.map((c) => c.id));
  const byCriterion = new Map<string, CriterionEvidence>();
  for (const a of answers) {
    if (!a.criterionId || !known.has(a.criterionId) || a.answer.trim() === "") continue;
    const state = a.state ?? "claimed";
    if (state === "unknown") continue;
    const previous = byCriterion.get(a.criterionId);
    // Two answers on one criterion: a "no" outweighs a "yes", as a prospect's no is the stronger signal.
    if (previous && previous.state === "negative") continue;
    byCriterion.set(a.criterionId, { criterionId: a.criterionId, state, evidence: [{ excerpt: `${a.question} ${a.answer}`, capturedAt: now }] });
  }
  return [...byCriterion.values()];
}

/**
 * Scores a lead with the same rules as a deal: fit from the ICP on its company profile, intent from its
 * answers as claimed evidence on the framework, and the same verdict. No second scoring path.
 */
export function scoreLead(input: LeadScoreInput): LeadScore {
  const { framework, icp, now } = input;
  const profile = applyAttributeAnswers(input.company, input.answers);
  const criteria = criteriaFromAnswers(input.answers, framework, now);
  const snapshot: OpportunitySnapshot = {
    id: "lead",
    stageId: "lead",
    status: "open",
    amount: 0,
    repConfidence: null,
    expectedCloseDate: null,
    createdAt: now,
    lastActivityAt: now,
    criteria,
    stakeholders: [],
    overrides: [],
  };
  const fit = computeFit(profile, icp);
  const intent = scoreIntent(framework, snapshot, now);
  const verdict = decideVerdict({ fit, intent, framework, icp, now });
  return { fit, intent, verdict, profile, criteria };
}

/** Turns raw form answers (question id → text) into stored answers, resolving choice labels and states. */
export function toLeadAnswers(questions: IntakeQuestion[], raw: Record<string, string>): LeadAnswer[] {
  const out: LeadAnswer[] = [];
  for (const q of questions) {
    const value = (raw[q.id] ?? "").trim();
    if (value === "") continue;
    const base = {
      questionId: q.id,
      question: q.label,
      ...(q.target.kind === "criterion" && { criterionId: q.target.criterionId }),
      ...(q.target.kind === "attribute" && { attribute: q.target.attribute }),
    };
    if (q.answer.kind === "choice") {
      const option = q.answer.options.find((o) => o.value === value);
      if (!option) continue;
      out.push({ ...base, answer: q.target.kind === "attribute" ? option.value : option.label, ...(option.state && { state: option.state }) });
    } else {
      out.push({ ...base, answer: value });
    }
  }
  return out;
}
