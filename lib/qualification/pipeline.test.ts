import { describe, expect, it } from "vitest";
import { FRAMEWORKS } from "./frameworks";
import type { Framework } from "./model";
import { criterionGates, DEFAULT_PIPELINE, findStage, nextStage, pipelineFor, stageIndex } from "./pipeline";

describe("pipeline", () => {
  it("orders realistic stages with rising probabilities", () => {
    const open = DEFAULT_PIPELINE.stages.filter((s) => s.kind === "open");
    expect(open.map((s) => s.id)).toEqual(["prospecting", "discovery", "solution", "proposal", "negotiation"]);
    expect(open.map((s) => s.probability)).toEqual([...open.map((s) => s.probability)].sort((a, b) => a - b));
    expect(findStage(DEFAULT_PIPELINE, "closed_won")?.kind).toBe("won");
    expect(stageIndex(DEFAULT_PIPELINE, "nope")).toBe(-1);
  });

  it("steps to the next stage on the way to won, never to lost", () => {
    expect(nextStage(DEFAULT_PIPELINE, "prospecting")?.id).toBe("discovery");
    expect(nextStage(DEFAULT_PIPELINE, "negotiation")?.id).toBe("closed_won");
    expect(nextStage(DEFAULT_PIPELINE, "closed_won")).toBeNull();
    expect(nextStage(DEFAULT_PIPELINE, "unknown")).toBeNull();
    expect(nextStage({ stages: [{ id: "only", label: "Only", probability: 0.1, kind: "open", exit: [] }] }, "only")).toBeNull();
  });

  it("keeps only the stronger requirement when a criterion is claimed and verified by the same stage", () => {
    const fw: Framework = {
      ...FRAMEWORKS.bant,
      criteria: [{ ...FRAMEWORKS.bant.criteria[0]!, requiredBy: { claimed: "proposal", verified: "proposal" } }],
    };
    expect(criterionGates(fw).get("proposal")).toEqual([{ kind: "criterion", criterionId: "budget", atLeast: "verified" }]);
  });

  it("adds framework gates to any base pipeline without changing the base", () => {
    const base = { stages: [{ id: "solution", label: "S", probability: 0.3, kind: "open" as const, exit: [] }] };
    expect(pipelineFor(FRAMEWORKS.bant, base).stages[0]?.exit).toHaveLength(4);
    expect(base.stages[0]?.exit).toEqual([]);
  });
});
