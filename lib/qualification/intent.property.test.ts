import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreIntent } from "./intent";
import type { CriterionEvidence, EvidenceItem, Framework, OpportunitySnapshot } from "./model";
import { DEFAULT_PIPELINE } from "./pipeline";
import { evidenceItemArb, frameworkArb, opportunityArb } from "./testing/arbitraries";
import { NOW } from "./testing/fixtures";

/** The opportunity after a rep records verified evidence for one criterion. */
function addVerified(opp: OpportunitySnapshot, criterionId: string, item: EvidenceItem): OpportunitySnapshot {
  const existing = opp.criteria.find((c) => c.criterionId === criterionId);
  const updated: CriterionEvidence = { criterionId, state: "verified", evidence: [...(existing?.evidence ?? []), item] };
  const criteria = existing ? opp.criteria.map((c) => (c === existing ? updated : c)) : [...opp.criteria, updated];
  return { ...opp, criteria };
}

const caseArb = frameworkArb.chain((framework: Framework) =>
  fc.record({
    framework: fc.constant(framework),
    opp: opportunityArb(framework, DEFAULT_PIPELINE),
    index: fc.nat(framework.criteria.length - 1),
    item: evidenceItemArb,
  }),
);

describe("intent properties", () => {
  it("adding verified evidence never lowers intent", () => {
    fc.assert(
      fc.property(caseArb, ({ framework, opp, index, item }) => {
        const id = framework.criteria[index]?.id ?? "";
        const before = scoreIntent(framework, opp, NOW);
        const after = scoreIntent(framework, addVerified(opp, id, item), NOW);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(after.coverage).toBeGreaterThanOrEqual(before.coverage);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps intent within 0..100 and coverage within 0..1", () => {
    fc.assert(
      fc.property(caseArb, ({ framework, opp }) => {
        const r = scoreIntent(framework, opp, NOW);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.coverage).toBeGreaterThanOrEqual(0);
        expect(r.coverage).toBeLessThanOrEqual(1);
      }),
    );
  });
});
