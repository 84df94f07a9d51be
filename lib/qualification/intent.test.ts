import { describe, expect, it } from "vitest";
import { FRAMEWORKS } from "./frameworks";
import { scoreIntent } from "./intent";
import { NOW, evidence, meddpiccOpportunity } from "./testing/fixtures";
import { customFramework } from "./validate";

const bant = FRAMEWORKS.bant;

describe("scoreIntent", () => {
  it("weights state points: verified 1, claimed ½, stale halves, unknown and negative 0", () => {
    const opp = meddpiccOpportunity({
      criteria: [
        evidence("budget", "verified", 5), // 25 × 1
        evidence("authority", "claimed", 5), // 25 × 0.5
        evidence("need", "verified", 400), // 30 × 0.5 (stale)
        evidence("timeline", "negative", 5), // 0
      ],
    });
    const intent = scoreIntent(bant, opp, NOW);
    expect(intent.score).toBe(53); // (25 + 12.5 + 15) / 100
    expect(intent.criteria.map((c) => c.points)).toEqual([25, 12.5, 15, 0]);
    expect(intent.coverage).toBe(0.75);
    expect(intent.gaps.map((g) => [g.criterionId, g.kind])).toEqual([
      ["authority", "unverified"],
      ["need", "stale"],
      ["timeline", "negative"],
    ]);
    expect(intent.reasons[0]?.text).toBe("Intent 53/100 on BANT: 3 of 4 criteria at least claimed, 1 verified and fresh");
  });

  it("reports unknown criteria as gaps and ignores evidence for criteria outside the framework", () => {
    const opp = meddpiccOpportunity({ criteria: [evidence("metrics", "verified", 1)] });
    const intent = scoreIntent(bant, opp, NOW);
    expect(intent.score).toBe(0);
    expect(intent.coverage).toBe(0);
    expect(intent.gaps.every((g) => g.kind === "unknown")).toBe(true);
    expect(intent.criteria[0]).toMatchObject({ criterionId: "budget", state: "unknown", effectiveState: "unknown", points: 0, weight: 25 });
  });

  it("uses the first record when a criterion appears twice", () => {
    const opp = meddpiccOpportunity({ criteria: [evidence("budget", "verified", 1), evidence("budget", "negative", 1)] });
    expect(scoreIntent(bant, opp, NOW).criteria[0]?.state).toBe("verified");
  });

  it("scores an opportunity on the MEDDPICC fixture", () => {
    const intent = scoreIntent(FRAMEWORKS.meddpicc, meddpiccOpportunity(), NOW);
    // Verified: metrics 15, EB 15, DC 10, pain 15, champion 15 = 70; claimed: DP 5, paper 5, competition 5 = 15.
    expect(intent.score).toBe(85);
    expect(intent.coverage).toBe(1);
  });

  it("scores 0 for a framework whose weights are all zero", () => {
    const fw = customFramework({ name: "Zero", criteria: [{ ...bant.criteria[0]!, weight: 0 }] });
    expect(scoreIntent(fw, meddpiccOpportunity({ criteria: [evidence("budget", "verified", 1)] }), NOW).score).toBe(0);
  });
});
