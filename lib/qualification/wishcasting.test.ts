import { describe, expect, it } from "vitest";
import { FRAMEWORKS } from "./frameworks";
import { scoreIntent } from "./intent";
import type { OpportunitySnapshot } from "./model";
import { pipelineFor } from "./pipeline";
import { evidence, meddpiccOpportunity, NOW } from "./testing/fixtures";
import { forecastDiscount, wishcastingGap } from "./wishcasting";

const framework = FRAMEWORKS.meddpicc;
const pipeline = pipelineFor(framework);
const gapFor = (o: Partial<OpportunitySnapshot>) => {
  const opportunity = meddpiccOpportunity(o);
  return wishcastingGap(opportunity, pipeline, scoreIntent(framework, opportunity, NOW));
};
const claimedOnly = framework.criteria.map((c) => evidence(c.id, "claimed", 5));

describe("wishcastingGap", () => {
  const table: Array<[string, Partial<OpportunitySnapshot>, number | null, number | null]> = [
    ["no rep confidence", { repConfidence: null }, null, null],
    ["a well-evidenced deal in proposal, rep at 70%", { repConfidence: 70 }, 66, 4],
    ["everything only claimed in proposal, rep at 90%", { repConfidence: 90, criteria: claimedOnly }, 54, 36],
    ["nothing known in negotiation, rep at 90%", { repConfidence: 90, stageId: "negotiation", criteria: [] }, 40, 50],
    ["a cautious rep", { repConfidence: 20 }, 66, -46],
  ];
  it.each(table)("%s", (_, o, evidenceProbability, gap) => {
    const result = gapFor(o);
    expect(result?.evidenceProbability ?? null).toBe(evidenceProbability);
    expect(result?.gap ?? null).toBe(gap);
  });

  it("says why, must-haves first, and names a verification resting on the owner's word", () => {
    const selfAttested = {
      ...evidence("economic_buyer", "verified", 3),
      evidence: [{ excerpt: "trust me", capturedAt: NOW, verifiedAt: NOW, basis: "self_attested" as const }],
    };
    const result = gapFor({ repConfidence: 90, criteria: [selfAttested, evidence("identify_pain", "claimed", 3)] });
    expect(result?.text).toMatch(/^Rep says 90%, evidence supports \d+% because intent \d+\/100 at a 60% stage; /);
    expect(result?.because.slice(1)).toEqual(["Identify pain only claimed", "Decision criteria unknown", "Metrics unknown"]);
    const others = meddpiccOpportunity().criteria.filter((c) => c.criterionId !== "economic_buyer");
    expect(gapFor({ repConfidence: 90, criteria: [...others, selfAttested] })?.because).toContain(
      "Economic buyer verified on the owner's word alone",
    );
    expect(gapFor({ repConfidence: 90 })?.because.join(";")).not.toContain("owner's word");
  });
});

describe("forecastDiscount", () => {
  const discountFor = (o: Partial<OpportunitySnapshot>) => {
    const opportunity = meddpiccOpportunity(o);
    return forecastDiscount(opportunity, pipeline, scoreIntent(framework, opportunity, NOW));
  };
  const table: Array<[string, Partial<OpportunitySnapshot>, number, number, string]> = [
    ["a well-evidenced deal in proposal", {}, 60, 66, "intent"],
    ["everything only claimed in proposal", { criteria: claimedOnly }, 60, 54, "only claimed"],
    ["nothing known in negotiation", { stageId: "negotiation", criteria: [] }, 80, 40, "unknown"],
  ];
  it.each(table)("%s", (_, o, stage, evidenceProbability, reason) => {
    const result = discountFor(o);
    expect(result.stageProbability).toBe(stage);
    expect(result.evidenceProbability).toBe(evidenceProbability);
    expect(result.because.join("; ")).toContain(reason);
  });

  it("needs no rep confidence, and wishcasting quotes the same reasons", () => {
    expect(discountFor({ repConfidence: null }).because.length).toBeGreaterThan(0);
    const o = { repConfidence: 90, criteria: claimedOnly };
    expect(gapFor(o)?.because).toEqual(discountFor(o).because);
  });
});
