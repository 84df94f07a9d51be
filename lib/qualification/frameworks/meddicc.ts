import type { CriterionDefinition, Framework } from "../model";
import { opportunityCriterion as criterion } from "./define";

const METRICS = criterion({
  id: "metrics",
  label: "Metrics",
  weight: 15,
  knockout: false,
  freshnessDays: 90,
  description: "The quantified economic benefit the customer expects, agreed by them.",
  questions: [
    "What numbers would tell you this project succeeded?",
    "What is the cost of the problem today, in money or time?",
    "Who will measure the result, and how?",
  ],
  nurtureTrigger: "A measurable business case the customer owns",
  requiredBy: { claimed: "solution", verified: "proposal" },
  verifierRoles: ["economic_buyer", "champion", "decision_maker"],
});

const ECONOMIC_BUYER = criterion({
  id: "economic_buyer",
  label: "Economic buyer",
  weight: 15,
  knockout: false,
  freshnessDays: 90,
  description:
    "The person with discretionary use of the budget, who can say yes when everyone else says no. " +
    "Verified means we met them and they confirmed the budget.",
  questions: [
    "Who has the final say on the budget for this?",
    "Can we meet them to confirm priorities and budget?",
    "What does that person need to see to approve the spend?",
  ],
  nurtureTrigger: "An economic buyer who owns the budget engages",
  requiredBy: { claimed: "solution", verified: "proposal", basis: "confirmed" },
  verifierRoles: ["economic_buyer"],
});

const DECISION_CRITERIA = criterion({
  id: "decision_criteria",
  label: "Decision criteria",
  weight: 10,
  knockout: true,
  freshnessDays: 120,
  description: "The technical, economic and legal criteria they will judge solutions by. A negative answer means " + "their criteria exclude us.",
  questions: [
    "What criteria will you use to choose a solution?",
    "Which of them are must-haves and which are nice-to-haves?",
    "Who defined the criteria, and can they change?",
  ],
  requiredBy: { claimed: "solution", verified: "proposal" },
});

const DECISION_PROCESS = criterion({
  id: "decision_process",
  label: "Decision process",
  weight: 10,
  knockout: false,
  freshnessDays: 60,
  description: "The steps, people and dates from evaluation to signed decision.",
  questions: [
    "What are the steps between now and a decision, and when does each happen?",
    "Who is involved at each step?",
    "What could delay the decision?",
  ],
  requiredBy: { claimed: "solution", verified: "negotiation" },
  verifierRoles: ["economic_buyer", "decision_maker", "champion"],
});

const PAPER_PROCESS = criterion({
  id: "paper_process",
  label: "Paper process",
  weight: 10,
  knockout: false,
  freshnessDays: 60,
  description: "How the contract gets signed: legal, security review, procurement, signatories and their lead times.",
  questions: [
    "Once you decide, what does it take to get the contract signed?",
    "Will legal, security or procurement review it, and how long does each take?",
    "Who signs, and are there approval thresholds?",
  ],
  requiredBy: { claimed: "proposal", verified: "negotiation", basis: "confirmed" },
  verifierRoles: ["procurement", "economic_buyer"],
});

const IDENTIFY_PAIN = criterion({
  id: "identify_pain",
  label: "Identify pain",
  weight: 15,
  knockout: true,
  freshnessDays: 120,
  description: "The business pain that drives the purchase, and its cost if left unsolved.",
  questions: ["What business problem makes this worth solving now?", "What happens if nothing changes?", "Who feels the pain most?"],
  requiredBy: { claimed: "discovery", verified: "solution" },
});

const CHAMPION = criterion({
  id: "champion",
  label: "Champion",
  weight: 15,
  knockout: false,
  freshnessDays: 30,
  description:
    "An insider with power and influence who sells for us when we are not in the room. Verified means " +
    "tested: they did something that cost them effort.",
  questions: [
    "Who inside the company wants this to happen most, and why?",
    "Will they introduce us to the economic buyer?",
    "What do they personally gain if this succeeds?",
  ],
  nurtureTrigger: "An insider who will sell for us emerges",
  requiredBy: { claimed: "solution", verified: "proposal" },
  verifierRoles: ["champion"],
});

const COMPETITION = criterion({
  id: "competition",
  label: "Competition",
  weight: 10,
  knockout: false,
  freshnessDays: 60,
  description: "Who else they are considering, including doing nothing or building it themselves.",
  questions: [
    "What other options are you considering, including doing nothing?",
    "What do you like about them?",
    "Have you tried to solve this internally?",
  ],
  requiredBy: { claimed: "proposal" },
});

/**
 * MEDDICC and MEDDPICC treat the economic buyer as the budget signal: the budget is confirmed when the person
 * who owns it is verified, so `economic_buyer` feeds the late-stage budget flag.
 */
const MEDDICC_CRITERIA: CriterionDefinition[] = [METRICS, ECONOMIC_BUYER, DECISION_CRITERIA, DECISION_PROCESS, IDENTIFY_PAIN, CHAMPION, COMPETITION];

export const MEDDICC: Framework = {
  key: "meddicc",
  name: "MEDDICC",
  budgetCriterionId: "economic_buyer",
  criteria: MEDDICC_CRITERIA,
};

export const MEDDPICC: Framework = {
  key: "meddpicc",
  name: "MEDDPICC",
  budgetCriterionId: "economic_buyer",
  criteria: [METRICS, ECONOMIC_BUYER, DECISION_CRITERIA, DECISION_PROCESS, PAPER_PROCESS, IDENTIFY_PAIN, CHAMPION, COMPETITION],
};
