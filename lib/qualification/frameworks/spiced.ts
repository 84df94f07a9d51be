import type { Framework } from "../model";
import { opportunityCriterion as criterion } from "./define";

/**
 * SPICED (Winning by Design): situation, pain, impact, critical event, decision. Pain is the must-have.
 * SPICED has no budget element, so the late-stage budget flag does not apply to it.
 */
export const SPICED: Framework = {
  key: "spiced",
  name: "SPICED",
  timingCriterionId: "critical_event",
  criteria: [
    criterion({
      id: "situation",
      label: "Situation",
      weight: 10,
      knockout: false,
      freshnessDays: 180,
      description: "The facts of the prospect's current setup: team, tools, process.",
      questions: [
        "Walk me through how your team handles this today.",
        "Which tools are involved, and who uses them?",
        "What has changed in the last six months?",
      ],
      requiredBy: { claimed: "discovery", verified: "solution" },
    }),
    criterion({
      id: "pain",
      label: "Pain",
      weight: 30,
      knockout: true,
      freshnessDays: 120,
      description: "The problem they feel, in their words, that makes them want to change.",
      questions: ["What is not working the way you want it to?", "How does this affect you personally?", "How long has it been a problem?"],
      requiredBy: { claimed: "discovery", verified: "solution" },
    }),
    criterion({
      id: "impact",
      label: "Impact",
      weight: 25,
      knockout: false,
      freshnessDays: 90,
      description: "The measurable business effect of solving the pain (rational and emotional).",
      questions: [
        "If this were solved, what would change for the business, in numbers?",
        "How would you measure success a year from now?",
        "Who else benefits if this is fixed?",
      ],
      nurtureTrigger: "The pain grows into a measurable business cost",
      requiredBy: { claimed: "solution", verified: "proposal" },
    }),
    criterion({
      id: "critical_event",
      label: "Critical event",
      weight: 20,
      knockout: false,
      freshnessDays: 45,
      description: "A dated event that forces a decision, with consequences if it is missed.",
      questions: [
        "Is there a date by which this has to be solved? What happens if you miss it?",
        "What is driving the timing: a launch, a renewal, a regulation?",
        "What would happen if you waited six months?",
      ],
      nurtureTrigger: "A dated event (renewal, launch, regulation, new leader) that forces a decision",
      requiredBy: { claimed: "solution", verified: "negotiation" },
    }),
    criterion({
      id: "decision",
      label: "Decision",
      weight: 15,
      knockout: false,
      freshnessDays: 60,
      description: "Who decides, on what criteria, and through which process.",
      questions: [
        "How will you make the decision, and who is involved?",
        "What criteria will you use to compare options?",
        "What does the approval and contracting process look like?",
      ],
      requiredBy: { claimed: "proposal", verified: "negotiation" },
      verifierRoles: ["economic_buyer", "decision_maker"],
    }),
  ],
};
