import type { Framework } from "../model";
import { opportunityCriterion as criterion } from "./define";

/** CHAMP: BANT reordered to lead with the prospect's challenges. Challenges is the must-have. */
export const CHAMP: Framework = {
  key: "champ",
  name: "CHAMP",
  budgetCriterionId: "money",
  timingCriterionId: "prioritization",
  criteria: [
    criterion({
      id: "challenges",
      label: "Challenges",
      weight: 30,
      knockout: true,
      freshnessDays: 120,
      description: "The business challenges the prospect faces that our product addresses.",
      questions: [
        "What is the biggest challenge your team faces with this today?",
        "What have you already tried, and why did it fall short?",
        "What does it cost you when this goes wrong?",
      ],
      requiredBy: { claimed: "discovery", verified: "solution" },
    }),
    criterion({
      id: "authority",
      label: "Authority",
      weight: 25,
      knockout: false,
      freshnessDays: 120,
      description: "Who decides, who influences, and whether we have access to them.",
      questions: [
        "Who else cares about solving this challenge?",
        "Who has the final say on the purchase?",
        "Can we bring them into the next conversation?",
      ],
      nurtureTrigger: "A decision maker who owns the challenge becomes reachable",
      requiredBy: { claimed: "solution", verified: "proposal", basis: "confirmed" },
      verifierRoles: ["economic_buyer"],
    }),
    criterion({
      id: "money",
      label: "Money",
      weight: 25,
      knockout: false,
      freshnessDays: 90,
      description: "Funds exist or can be found for a solution at our price.",
      questions: [
        "Is there money allocated to solve this challenge?",
        "If the value is there, how would you find the budget?",
        "What approval does a purchase of this size need?",
      ],
      nurtureTrigger: "Funding is allocated to the challenge",
      requiredBy: { claimed: "solution", verified: "proposal" },
      verifierRoles: ["economic_buyer"],
    }),
    criterion({
      id: "prioritization",
      label: "Prioritization",
      weight: 20,
      knockout: false,
      freshnessDays: 60,
      description: "Solving this challenge ranks high enough among their initiatives to happen now.",
      questions: [
        "Where does this rank among your initiatives this quarter?",
        "What would move it up or down the list?",
        "When do you want to have this solved?",
      ],
      nurtureTrigger: "The challenge moves into the prospect's top priorities",
      requiredBy: { claimed: "solution", verified: "negotiation" },
    }),
  ],
};
