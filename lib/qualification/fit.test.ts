import { describe, expect, it } from "vitest";
import { computeFit } from "./fit";
import type { IcpDefinition } from "./icp";
import { account, SAAS_ICP } from "./testing/fixtures";

describe("computeFit", () => {
  it("scores a fully matching account 100 and explains each rule", () => {
    const fit = computeFit(account(), SAAS_ICP);
    expect(fit.score).toBe(100);
    expect(fit.potential).toBe(100);
    expect(fit.knownShare).toBe(1);
    expect(fit.icpVersion).toBe(3);
    expect(fit.rules).toHaveLength(10);
    expect(fit.rules.every((r) => r.outcome === "match")).toBe(true);
    expect(fit.rules.reduce((s, r) => s + r.contribution, 0)).toBeCloseTo(100);
    expect(fit.reasons[0]).toEqual({ code: "fit_score", text: "Fit 100/100 against ICP v3: 10 of 10 known rules match" });
  });

  it("weights the score by rule weight", () => {
    // Misses: industry (15) and competitor tool (10) out of 100.
    const fit = computeFit(account({ industry: "Retail", techStack: ["HubSpot", "Snowflake", "dbt", "Clari"] }), SAAS_ICP);
    expect(fit.score).toBe(75);
    expect(fit.rules.find((r) => r.ruleId === "industry")).toMatchObject({ outcome: "miss", contribution: 0, weight: 15 });
    expect(fit.rules.find((r) => r.ruleId === "size")?.contribution).toBeCloseTo(15);
  });

  it("zeroes the score when a knockout fails, and says which", () => {
    const fit = computeFit(account({ employeeCount: 12 }), SAAS_ICP);
    expect(fit.score).toBe(0);
    expect(fit.potential).toBe(0);
    expect(fit.knockoutsFailed).toEqual(["size"]);
    expect(fit.reasons).toContainEqual({
      code: "icp_knockout",
      criterionId: "size",
      text: 'Knockout "50–2,000 employees" failed: 12 employees is outside 50–2,000',
    });
  });

  it("treats an unknown knockout as not yet known, never as failed", () => {
    const fit = computeFit(account({ employeeCount: null, region: null }), SAAS_ICP);
    expect(fit.knockoutsFailed).toEqual([]);
    expect(fit.knockoutsUnknown).toEqual(["size", "region"]);
    expect(fit.score).toBe(75);
    expect(fit.potential).toBe(100);
    expect(fit.knownShare).toBeCloseTo(0.75);
    expect(fit.reasons.filter((r) => r.code === "icp_knockout_unknown").map((r) => r.criterionId)).toEqual(["size", "region"]);
    expect(fit.reasons).toContainEqual({ code: "fit_unknown", text: "2 rules unknown (25% of weight); best case fit 100/100" });
  });

  it("counts unknown rules as earning nothing in the score but everything in the potential", () => {
    const sparse = { industry: null, employeeCount: null, country: null, region: null, techStack: [], fundingStage: null, hiringSignals: [] };
    const fit = computeFit(sparse, SAAS_ICP);
    expect(fit.score).toBe(0);
    expect(fit.potential).toBe(100);
    expect(fit.knownShare).toBe(0);
  });

  it("accepts every account when the ICP has no weighted rules", () => {
    const empty: IcpDefinition = { version: 1, rules: [], pursueThreshold: 50 };
    expect(computeFit(account(), empty)).toMatchObject({ score: 100, potential: 100, knownShare: 1 });
    const filterOnly: IcpDefinition = {
      version: 1,
      pursueThreshold: 50,
      rules: [{ id: "eu", kind: "region_in", label: "EU", weight: 0, knockout: true, regions: ["EMEA"] }],
    };
    expect(computeFit(account(), filterOnly).score).toBe(100);
    expect(computeFit(account({ region: "APAC" }), filterOnly).score).toBe(0);
  });

  it("ignores negative weights instead of letting them subtract", () => {
    const icp: IcpDefinition = {
      version: 1,
      pursueThreshold: 50,
      rules: [
        { id: "a", kind: "industry_in", label: "A", weight: -5, knockout: false, industries: ["Software"] },
        { id: "b", kind: "region_in", label: "B", weight: 10, knockout: false, regions: ["EMEA"] },
      ],
    };
    expect(computeFit(account(), icp).score).toBe(100);
  });

  it("reuses the compiled ICP and gives the same answer every time", () => {
    expect(computeFit(account(), SAAS_ICP)).toEqual(computeFit(account(), SAAS_ICP));
  });

  it("notices a rule replaced in the same rule list (an immutable update)", () => {
    const rules = [...SAAS_ICP.rules];
    const icp: IcpDefinition = { ...SAAS_ICP, rules };
    expect(computeFit(account({ industry: "Retail" }), icp).rules[0]?.outcome).toBe("miss");
    rules[0] = { id: "industry", kind: "industry_in", label: "Any retail", weight: 15, knockout: false, industries: ["Retail"] };
    expect(computeFit(account({ industry: "Retail" }), icp).rules[0]?.outcome).toBe("match");
  });
});
