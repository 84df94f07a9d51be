import type { Framework } from "../model";

/** The ICP attributes an intake question may fill in (the same attributes ICP rules read). */
export const LEAD_ATTRIBUTES = ["industry", "employeeCount", "country", "region", "fundingStage", "techStack", "hiringSignals"] as const;
export type LeadAttribute = (typeof LEAD_ATTRIBUTES)[number];

/** What a choice answer says about its criterion: a yes ("claimed"), a no ("negative"), or nothing yet. */
export type AnswerState = "claimed" | "negative" | "unknown";

interface ChoiceOption {
  value: string;
  label: string;
  /** For criterion questions: the evidence this answer amounts to. Attribute questions store `value`. */
  state?: AnswerState;
}

type QuestionTarget = { kind: "criterion"; criterionId: string } | { kind: "attribute"; attribute: LeadAttribute } | { kind: "none" };

export interface IntakeQuestion {
  id: string;
  label: string;
  help?: string;
  required: boolean;
  target: QuestionTarget;
  answer: { kind: "choice"; options: ChoiceOption[] } | { kind: "text" };
}

/** A qualifying idea that every framework names differently; defaults are written in these terms. */
type Concept = "pain" | "timing" | "authority" | "budget" | "process";

const CONCEPT_CRITERIA: Record<Concept, string[]> = {
  pain: ["identify_pain", "need", "pain", "challenges"],
  timing: ["timeline", "critical_event", "prioritization", "paper_process"],
  authority: ["economic_buyer", "authority", "decision"],
  budget: ["budget", "money", "metrics", "impact"],
  process: ["decision_process", "decision", "authority"],
};

/** The framework's criterion that stands for a concept, if it has one (custom frameworks may not). */
function criterionForConcept(framework: Framework, concept: Concept): string | null {
  const ids = new Set(framework.criteria.map((c) => c.id));
  return CONCEPT_CRITERIA[concept].find((id) => ids.has(id)) ?? null;
}

export const MAX_QUESTIONS = 8;

/**
 * The default pre-call questions: what prompted the look, when it must be in place, who else decides, whether
 * money is set aside, and two ICP facts. Criterion targets resolve against the organization's framework.
 */
export function defaultIntakeQuestions(framework: Framework): IntakeQuestion[] {
  const target = (concept: Concept): QuestionTarget => {
    const criterionId = criterionForConcept(framework, concept);
    return criterionId ? { kind: "criterion", criterionId } : { kind: "none" };
  };
  return [
    { id: "prompt", label: "What prompted you to look now?", required: true, target: target("pain"), answer: { kind: "text" } },
    {
      id: "timing",
      label: "When do you need this in place?",
      required: true,
      target: target("timing"),
      answer: {
        kind: "choice",
        options: [
          { value: "quarter", label: "Within 3 months", state: "claimed" },
          { value: "half", label: "In 3–6 months", state: "claimed" },
          { value: "year", label: "Later this year or next", state: "unknown" },
          { value: "researching", label: "Just researching, no date", state: "negative" },
        ],
      },
    },
    { id: "involved", label: "Who else is involved in evaluating?", required: false, target: target("authority"), answer: { kind: "text" } },
    {
      id: "budget",
      label: "Is there budget set aside for this?",
      required: false,
      target: target("budget"),
      answer: {
        kind: "choice",
        options: [
          { value: "approved", label: "Yes, approved", state: "claimed" },
          { value: "planning", label: "Being planned", state: "unknown" },
          { value: "none", label: "No budget this year", state: "negative" },
        ],
      },
    },
    {
      id: "tools",
      label: "Which sales tools do you use today?",
      help: "Comma separated, e.g. HubSpot, Gong",
      required: false,
      target: { kind: "attribute", attribute: "techStack" },
      answer: { kind: "text" },
    },
    {
      id: "hiring",
      label: "Which sales roles are you hiring for?",
      help: "Comma separated, e.g. SDR, Account Executive",
      required: false,
      target: { kind: "attribute", attribute: "hiringSignals" },
      answer: { kind: "text" },
    },
  ];
}
