import { canAdvance, type CanAdvanceResult } from "./advance";
import type { DayText } from "./dates";
import { computeFit, type FitResult } from "./fit";
import type { AccountProfile, IcpDefinition } from "./icp";
import { scoreIntent, type IntentResult } from "./intent";
import type { Framework, OpportunitySnapshot, Pipeline } from "./model";
import { nextStage } from "./pipeline";
import { nextQuestions, type Question } from "./questions";
import { reassessAt } from "./reassess";
import { DEFAULT_THRESHOLDS, requalify, type Flag, type RequalificationThresholds } from "./requalify";
import { decideVerdict, type Verdict } from "./verdict";
import { forecastDiscount, wishcastingGap, type ForecastDiscount, type WishcastingGap } from "./wishcasting";

export interface AssessInput {
  pipeline: Pipeline;
  framework: Framework;
  icp: IcpDefinition;
  account: AccountProfile;
  opportunity: OpportunitySnapshot;
  thresholds?: RequalificationThresholds;
  now: Date;
  nurtureDays?: number;
  /** How many next questions to return (default 5). */
  questionLimit?: number;
  /**
   * How texts count days: `liveDays` (default) says "for 23 days" as of `now`; `storedDays` writes the instant the
   * count runs from, so the texts stored and hashed stay the same from day to day (`renderDayCounts` on read).
   */
  dayText?: DayText;
}

export interface Assessment {
  fit: FitResult;
  intent: IntentResult;
  verdict: Verdict;
  /** The move to the next stage on the path to won (skipping lost stages); null for closed deals. */
  nextGate: CanAdvanceResult | null;
  flags: Flag[];
  questions: Question[];
  /** The rep's confidence against the evidence-based probability, with why; null without a rep confidence. */
  wishcasting: WishcastingGap | null;
  /** Why the adjusted forecast counts the deal at less than its stage's probability; null for closed deals. */
  discount: ForecastDiscount | null;
  /** The first instant after `now` at which time alone may change what is stored of this assessment (`reassessAt`). */
  reassessAt: Date | null;
}

/** Everything a scorecard shows, computed once from the same inputs so every number agrees. */
export function assessOpportunity(input: AssessInput): Assessment {
  const { pipeline, framework, icp, account, opportunity, now } = input;
  const fit = computeFit(account, icp);
  const { dayText } = input;
  const intent = scoreIntent(framework, opportunity, now, dayText);
  const flags = requalify(opportunity, framework, pipeline, input.thresholds ?? DEFAULT_THRESHOLDS, now, dayText);
  const verdict = decideVerdict({ fit, intent, flags, opportunity, pipeline, framework, icp, now, nurtureDays: input.nurtureDays, dayText });
  const next = opportunity.status === "open" ? nextStage(pipeline, opportunity.stageId) : null;
  const nextGate = next
    ? canAdvance({ pipeline, framework, opportunity, fit, intent, now, toStageId: next.id, verdict: verdict.verdict, dayText })
    : null;
  const questions = nextQuestions({ framework, pipeline, opportunity, fit, now, limit: input.questionLimit });
  const wishcasting = opportunity.status === "open" ? wishcastingGap(opportunity, pipeline, intent) : null;
  const discount = opportunity.status === "open" ? forecastDiscount(opportunity, pipeline, intent) : null;
  return { fit, intent, verdict, nextGate, flags, questions, wishcasting, discount, reassessAt: reassessAt(input) };
}
