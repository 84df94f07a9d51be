import type { Framework } from "../model";
import { opportunityCriterion as criterion } from "./define";

/** BANT (IBM): budget, authority, need, timeline. Need is the must-have; no budget or no timeline means "not yet". */
export const BANT: Framework = {
  key: "bant",
  name: "BANT",
  budgetCriterionId: "budget",
  timingCriterionId: "timeline",
  criteria: [
    criterion({
      id: "budget",
      label: "Budget",
      weight: 25,
      knockout: false,
      freshnessDays: 90,
      description: "Money is allocated, or can be, for solving this problem at our price point.",
      questions: [
        "Is there budget set aside for this project this year, and roughly how much?",
        "How have you funded similar purchases in the past?",
        "Who owns that budget, and what else is competing for it?",
      ],
      nurtureTrigger: "A new budget cycle or a funded initiative that covers this problem",
      requiredBy: { claimed: "solution", verified: "proposal" },
      verifierRoles: ["economic_buyer"],
    }),
    criterion({
      id: "authority",
      label: "Authority",
      weight: 25,
      knockout: false,
      freshnessDays: 120,
      description: "We know who can say yes and we are talking to them or to someone they listen to.",
      questions: [
        "Besides you, who will be involved in deciding on this?",
        "Who signs off on a purchase of this size?",
        "How were decisions like this made the last time?",
      ],
      nurtureTrigger: "A sponsor with signing authority takes ownership of the problem",
      requiredBy: { claimed: "solution", verified: "proposal", basis: "confirmed" },
      verifierRoles: ["economic_buyer"],
    }),
    criterion({
      id: "need",
      label: "Need",
      weight: 30,
      knockout: true,
      freshnessDays: 180,
      description: "The prospect has a problem our product solves, in their own words.",
      questions: [
        "What problem are you trying to solve, and what happens if you do nothing?",
        "How are you handling it today?",
        "Why is this a priority now?",
      ],
      requiredBy: { claimed: "discovery", verified: "solution" },
    }),
    criterion({
      id: "timeline",
      label: "Timeline",
      weight: 20,
      knockout: false,
      freshnessDays: 60,
      description: "There is a date by which they need a solution, and a reason for that date.",
      questions: [
        "By when do you need this in place, and what drives that date?",
        "What steps remain between now and a decision?",
        "What would make this slip to next quarter?",
      ],
      nurtureTrigger: "A dated event (launch, renewal, regulation) that forces a decision",
      requiredBy: { claimed: "solution", verified: "negotiation" },
    }),
  ],
};
