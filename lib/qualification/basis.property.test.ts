import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkGate } from "./gates";
import { frameworkArb } from "./testing/arbitraries";
import { NOW, meddpiccOpportunity, stakeholder } from "./testing/fixtures";
import { addDays } from "./dates";
import type { EvidenceState, Framework, MinBasis, OpportunitySnapshot, StageDefinition, StakeholderRole } from "./model";
import { recordEvidence } from "./record";

const ROLES: StakeholderRole[] = ["economic_buyer", "champion", "decision_maker", "influencer", "blocker", "user", "procurement"];

/** What a rep can do on their own: claim, "verify", say no, log engagement, mark a champion tested, add people. */
type SelfAction =
  | { kind: "evidence"; state: Exclude<EvidenceState, "unknown">; excerpt: string; day: number }
  | { kind: "engaged"; index: number; day: number }
  | { kind: "champion_tested"; index: number }
  | { kind: "add_stakeholder"; role: StakeholderRole };

const actionArb: fc.Arbitrary<SelfAction> = fc.oneof(
  fc.record({
    kind: fc.constant("evidence" as const),
    state: fc.constantFrom("claimed" as const, "verified" as const, "negative" as const),
    excerpt: fc.string({ maxLength: 40 }),
    day: fc.integer({ min: -30, max: 0 }),
  }),
  fc.record({ kind: fc.constant("engaged" as const), index: fc.nat(5), day: fc.integer({ min: -30, max: 0 }) }),
  fc.record({ kind: fc.constant("champion_tested" as const), index: fc.nat(5) }),
  fc.record({ kind: fc.constant("add_stakeholder" as const), role: fc.constantFrom(...ROLES) }),
);

function apply(framework: Framework, criterionId: string, opp: OpportunitySnapshot, action: SelfAction): OpportunitySnapshot {
  switch (action.kind) {
    case "evidence": {
      // Self-attested: no contact named, no document, no buyer or manager.
      const r = recordEvidence(framework, opp, {
        criterionId,
        contactId: null,
        at: addDays(NOW, action.day),
        proof: { state: action.state, excerpt: action.excerpt, contactRoles: null },
      });
      return r.ok ? r.opportunity : opp;
    }
    case "engaged":
      return { ...opp, stakeholders: opp.stakeholders.map((s, i) => (i === action.index ? { ...s, lastEngagedAt: addDays(NOW, action.day) } : s)) };
    case "champion_tested":
      return {
        ...opp,
        stakeholders: opp.stakeholders.map((s, i) => (i === action.index && s.role === "champion" ? { ...s, championTested: true } : s)),
      };
    case "add_stakeholder":
      return { ...opp, stakeholders: [...opp.stakeholders, stakeholder(`c-${opp.stakeholders.length}`, action.role)] };
  }
}

describe("basis property", () => {
  it("no sequence of self-attested actions satisfies a gate requiring a third-party basis", () => {
    const caseArb = frameworkArb.chain((framework) =>
      fc.record({
        framework: fc.constant(framework),
        criterionId: fc.constantFrom(...framework.criteria.map((c) => c.id)),
        basis: fc.constantFrom<MinBasis>("stated", "confirmed"),
        actions: fc.array(actionArb, { maxLength: 25 }),
      }),
    );
    fc.assert(
      fc.property(caseArb, ({ framework, criterionId, basis, actions }) => {
        let opp: OpportunitySnapshot = meddpiccOpportunity({ criteria: [], stakeholders: [] });
        for (const action of actions) opp = apply(framework, criterionId, opp, action);
        const stage: StageDefinition = {
          id: "gate",
          label: "Gate",
          probability: 0.5,
          kind: "open",
          exit: [{ kind: "criterion", criterionId, atLeast: "verified", basis }],
        };
        const blockers = checkGate(stage, { framework, opportunity: opp, fit: null, now: NOW });
        expect(blockers).toHaveLength(1);
        expect(opp.criteria.find((c) => c.criterionId === criterionId)?.state ?? "unknown").not.toBe("verified");
      }),
    );
  });
});
