import { describe, expect, it } from "vitest";
import * as engine from ".";
import { assertNever } from "./never";

describe("public API", () => {
  it("exports every entry point the app calls", () => {
    const functions = [
      "computeFit",
      "scoreIntent",
      "canAdvance",
      "decideVerdict",
      "requalify",
      "forecast",
      "calibrate",
      "nextQuestions",
      "assessOpportunity",
      "customFramework",
      "validateFramework",
      "validateIcp",
      "validatePipeline",
      "defaultGates",
      "pipelineFor",
      "criterionGates",
      "nextStage",
      "criterionStatus",
      "qualificationBand",
      "toForecastDeal",
      "isLateStage",
    ] as const;
    for (const name of functions) expect(typeof engine[name], name).toBe("function");
    expect(Object.keys(engine.FRAMEWORKS).sort()).toEqual(["bant", "champ", "meddicc", "meddpicc", "spiced"]);
    expect(engine.DEFAULT_PIPELINE.stages).toHaveLength(7);
    expect(engine.DEFAULT_THRESHOLDS.staleDealDays).toBe(21);
  });

  it("fails loudly if an impossible union variant ever reaches a switch", () => {
    expect(() => assertNever("surprise" as never)).toThrow('Unhandled variant: "surprise"');
  });
});
