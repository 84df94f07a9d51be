import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessOpportunity } from "./assess";
import type { Framework } from "./model";
import { pipelineFor } from "./pipeline";
import { DEFAULT_THRESHOLDS } from "./requalify";
import { accountArb, dateArb, frameworkArb, icpArb, opportunityArb } from "./testing/arbitraries";

const caseArb = frameworkArb.chain((framework: Framework) => {
  const pipeline = pipelineFor(framework);
  return fc.record({
    framework: fc.constant(framework),
    pipeline: fc.constant(pipeline),
    opportunity: fc.constantFrom("any" as const, "qualified" as const).chain((bias) => opportunityArb(framework, pipeline, bias)),
    account: accountArb,
    icp: icpArb,
    now: dateArb,
  });
});

describe("determinism", () => {
  it("gives the same verdict (and the whole assessment) for the same input and now", () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const first = assessOpportunity({ ...input, thresholds: DEFAULT_THRESHOLDS });
        const again = assessOpportunity({ ...structuredClone(input), thresholds: structuredClone(DEFAULT_THRESHOLDS) });
        expect(again.verdict).toEqual(first.verdict);
        expect(again).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it("does not mutate its input", () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const copy = structuredClone(input);
        assessOpportunity(input);
        expect(input).toEqual(copy);
      }),
      { numRuns: 100 },
    );
  });
});
