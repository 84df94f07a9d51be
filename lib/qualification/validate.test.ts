import { describe, expect, it } from "vitest";
import { FRAMEWORKS } from "./frameworks";
import type { IcpDefinition } from "./icp";
import type { CriterionDefinition, Pipeline } from "./model";
import { DEFAULT_PIPELINE } from "./pipeline";
import { SAAS_ICP } from "./testing/fixtures";
import { customFramework, FrameworkValidationError, validateFramework, validateIcp, validatePipeline } from "./validate";

const security: CriterionDefinition = {
  id: "security_review",
  label: "Security review",
  level: "opportunity",
  weight: 10,
  knockout: true,
  freshnessDays: 180,
  description: "Their security team has approved us.",
  questions: ["Who runs your vendor security review?"],
  requiredBy: { claimed: "proposal", verified: "negotiation" },
};

describe("customFramework", () => {
  it("builds a framework from template pieces plus its own criteria", () => {
    const fw = customFramework({ name: "BANT + security", criteria: [...FRAMEWORKS.bant.criteria, security], budgetCriterionId: "budget" });
    expect(fw.key).toBe("custom");
    expect(fw.criteria.map((c) => c.id)).toEqual(["budget", "authority", "need", "timeline", "security_review"]);
  });

  it("refuses an invalid framework with every issue listed", () => {
    const bad = { ...security, id: "Security Review", label: " ", weight: -1, freshnessDays: 0, questions: [] };
    try {
      customFramework({ name: "", criteria: [bad, security, security], budgetCriterionId: "money", timingCriterionId: "when" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FrameworkValidationError);
      const issues = (e as FrameworkValidationError).issues;
      expect(issues.map((i) => i.path)).toEqual([
        "name",
        "criteria[0].id",
        "criteria[0].label",
        "criteria[0].weight",
        "criteria[0].freshnessDays",
        "criteria[0].questions",
        "criteria",
        "budgetCriterionId",
        "timingCriterionId",
      ]);
      expect((e as Error).message).toMatch(/^Invalid framework: name: name is required/);
    }
  });

  it("requires at least one criterion", () => {
    expect(validateFramework({ key: "custom", name: "Empty", criteria: [] })).toEqual([
      { path: "criteria", message: "a framework needs at least one criterion" },
    ]);
  });
});

describe("validatePipeline", () => {
  it("accepts the default pipeline", () => {
    expect(validatePipeline(DEFAULT_PIPELINE, FRAMEWORKS.bant)).toEqual([]);
  });

  it("lists structural problems and gates on unknown criteria", () => {
    const [first, second] = DEFAULT_PIPELINE.stages;
    const broken: Pipeline = {
      stages: [
        { ...first!, probability: 1.5, exit: [{ kind: "criterion", criterionId: "budget", atLeast: "claimed" }] },
        { id: "won", label: "Won", probability: 1, kind: "won", exit: [{ kind: "champion_tested" }] },
        { ...second! },
        { ...second! },
      ],
    };
    expect(validatePipeline(broken, FRAMEWORKS.meddpicc).map((i) => `${i.path}: ${i.message}`)).toEqual([
      'stages: duplicate stage id "discovery"',
      "stages: a pipeline needs a lost stage",
      "stages[0].probability: probability must be between 0 and 1",
      'stages[0].exit[0]: "budget" is not a criterion of MEDDPICC',
      "stages[1].exit: closed stages have no exit gate",
      "stages[2]: open stages must come before won/lost stages",
      "stages[3]: open stages must come before won/lost stages",
    ]);
    expect(validatePipeline({ stages: [] }, FRAMEWORKS.bant).map((i) => i.message)).toContain("a pipeline needs a won stage");
  });
});

describe("validateIcp", () => {
  it("accepts the sample ICP", () => {
    expect(validateIcp(SAAS_ICP)).toEqual([]);
  });

  it("lists bad thresholds, weights, empty lists and inverted ranges", () => {
    const bad: IcpDefinition = {
      version: 1,
      pursueThreshold: 120,
      disqualifyBelow: 130,
      rules: [
        { id: "a", kind: "industry_in", label: "A", weight: -1, knockout: false, industries: [] },
        { id: "a", kind: "employee_range", label: "B", weight: 1, knockout: false, min: 10, max: 5 },
        { id: "c", kind: "region_in", label: "C", weight: 1, knockout: false, regions: [] },
        { id: "d", kind: "country_in", label: "D", weight: 1, knockout: false, countries: [] },
        { id: "e", kind: "tech_excludes", label: "E", weight: 1, knockout: false, technologies: [] },
        { id: "f", kind: "funding_stage_in", label: "F", weight: 1, knockout: false, stages: [] },
        { id: "g", kind: "hiring_signals", label: "G", weight: 1, knockout: false, minCount: 1, signals: [] },
        { id: "h", kind: "hiring_signals", label: "H", weight: 1, knockout: false, minCount: 1 },
        { id: "i", kind: "employee_range", label: "I", weight: 1, knockout: false, min: 10 },
      ],
    };
    expect(validateIcp(bad).map((i) => i.path)).toEqual([
      "rules",
      "pursueThreshold",
      "disqualifyBelow",
      "rules[0].weight",
      "rules[0].industries",
      "rules[1].min",
      "rules[2].regions",
      "rules[3].countries",
      "rules[4].technologies",
      "rules[5].stages",
      "rules[6].signals",
    ]);
  });
});
