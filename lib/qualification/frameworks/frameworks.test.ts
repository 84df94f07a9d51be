import { describe, expect, it } from "vitest";
import { FRAMEWORKS, type TemplateKey } from ".";
import { NOW, evidence } from "../testing/fixtures";
import { scoreIntent } from "../intent";
import { DEFAULT_PIPELINE, defaultGates, pipelineFor } from "../pipeline";
import { validateFramework, validatePipeline } from "../validate";
import type { GateRequirement } from "../model";

interface TemplateCase {
  key: TemplateKey;
  ids: string[];
  budget: string | undefined;
  mustHaves: string[];
  /** Criterion requirements per stage exit as "id:state", sorted. */
  gates: Record<string, string[]>;
}

const CASES: TemplateCase[] = [
  {
    key: "bant",
    ids: ["budget", "authority", "need", "timeline"],
    budget: "budget",
    mustHaves: ["need"],
    gates: {
      prospecting: [],
      discovery: ["need:claimed"],
      solution: ["authority:claimed", "budget:claimed", "need:verified", "timeline:claimed"],
      proposal: ["authority:verified", "budget:verified"],
      negotiation: ["timeline:verified"],
    },
  },
  {
    key: "champ",
    ids: ["challenges", "authority", "money", "prioritization"],
    budget: "money",
    mustHaves: ["challenges"],
    gates: {
      prospecting: [],
      discovery: ["challenges:claimed"],
      solution: ["authority:claimed", "challenges:verified", "money:claimed", "prioritization:claimed"],
      proposal: ["authority:verified", "money:verified"],
      negotiation: ["prioritization:verified"],
    },
  },
  {
    key: "spiced",
    ids: ["situation", "pain", "impact", "critical_event", "decision"],
    budget: undefined,
    mustHaves: ["pain"],
    gates: {
      prospecting: [],
      discovery: ["pain:claimed", "situation:claimed"],
      solution: ["critical_event:claimed", "impact:claimed", "pain:verified", "situation:verified"],
      proposal: ["decision:claimed", "impact:verified"],
      negotiation: ["critical_event:verified", "decision:verified"],
    },
  },
  {
    key: "meddicc",
    ids: ["metrics", "economic_buyer", "decision_criteria", "decision_process", "identify_pain", "champion", "competition"],
    budget: "economic_buyer",
    mustHaves: ["decision_criteria", "identify_pain"],
    gates: {
      prospecting: [],
      discovery: ["identify_pain:claimed"],
      solution: [
        "champion:claimed",
        "decision_criteria:claimed",
        "decision_process:claimed",
        "economic_buyer:claimed",
        "identify_pain:verified",
        "metrics:claimed",
      ],
      proposal: ["champion:verified", "competition:claimed", "decision_criteria:verified", "economic_buyer:verified", "metrics:verified"],
      negotiation: ["decision_process:verified"],
    },
  },
  {
    key: "meddpicc",
    ids: ["metrics", "economic_buyer", "decision_criteria", "decision_process", "paper_process", "identify_pain", "champion", "competition"],
    budget: "economic_buyer",
    mustHaves: ["decision_criteria", "identify_pain"],
    gates: {
      prospecting: [],
      discovery: ["identify_pain:claimed"],
      solution: [
        "champion:claimed",
        "decision_criteria:claimed",
        "decision_process:claimed",
        "economic_buyer:claimed",
        "identify_pain:verified",
        "metrics:claimed",
      ],
      proposal: [
        "champion:verified",
        "competition:claimed",
        "decision_criteria:verified",
        "economic_buyer:verified",
        "metrics:verified",
        "paper_process:claimed",
      ],
      negotiation: ["decision_process:verified", "paper_process:verified"],
    },
  },
];

const criterionReqs = (reqs: GateRequirement[]) => reqs.flatMap((r) => (r.kind === "criterion" ? [`${r.criterionId}:${r.atLeast}`] : [])).sort();

describe.each(CASES)("template $key", ({ key, ids, budget, mustHaves, gates }) => {
  const fw = FRAMEWORKS[key];

  it("has its real criteria, in order, with a valid definition", () => {
    expect(fw.key).toBe(key);
    expect(fw.criteria.map((c) => c.id)).toEqual(ids);
    expect(validateFramework(fw)).toEqual([]);
  });

  it("marks the budget criterion and the must-haves", () => {
    expect(fw.budgetCriterionId).toBe(budget);
    expect(fw.criteria.filter((c) => c.knockout).map((c) => c.id)).toEqual(mustHaves);
  });

  it("gives every criterion discovery questions, a description and a freshness window", () => {
    for (const c of fw.criteria) {
      expect(c.level).toBe("opportunity");
      expect(c.questions.length).toBeGreaterThanOrEqual(3);
      expect(c.description.length).toBeGreaterThan(20);
      expect(c.freshnessDays).toBeGreaterThan(0);
      expect(c.weight).toBeGreaterThan(0);
    }
  });

  it("requires its criteria at the expected default stage exits", () => {
    const exits = defaultGates(fw);
    for (const [stage, expected] of Object.entries(gates)) expect(criterionReqs(exits[stage] ?? [])).toEqual(expected);
    expect(validatePipeline(pipelineFor(fw), fw)).toEqual([]);
  });

  it("keeps the framework-independent committee and fit requirements", () => {
    const exits = defaultGates(fw);
    for (const stage of DEFAULT_PIPELINE.stages) {
      for (const req of stage.exit) expect(exits[stage.id]).toContainEqual(req);
    }
  });

  it("scores 100 when every criterion is verified and fresh, 0 when nothing is known", () => {
    const opp = { criteria: fw.criteria.map((c) => evidence(c.id, "verified", 1)) };
    expect(scoreIntent(fw, { ...baseOpp(), ...opp }, NOW).score).toBe(100);
    expect(scoreIntent(fw, baseOpp(), NOW).score).toBe(0);
  });
});

function baseOpp() {
  return {
    id: "o",
    stageId: "discovery",
    status: "open" as const,
    amount: 1,
    repConfidence: null,
    expectedCloseDate: null,
    createdAt: NOW,
    lastActivityAt: null,
    criteria: [],
    stakeholders: [],
    overrides: [],
  };
}
