import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFit } from "./fit";
import type { IcpDefinition, IcpRule } from "./icp";
import { accountArb, icpArb } from "./testing/arbitraries";

const EXTRA = ["Software", "EMEA", "DE", "HubSpot", "Series B", "SDR", "Retail", "APAC", "Clari"];

/** Every way of making one rule easier to match. `pick` selects the variant and the value. */
function relax(rule: IcpRule, pick: number): IcpRule {
  const extra = EXTRA[pick % EXTRA.length] ?? "Software";
  const loose = pick % 5 === 0 ? { ...rule, knockout: false } : rule;
  switch (loose.kind) {
    case "industry_in":
      return { ...loose, industries: [...loose.industries, extra] };
    case "region_in":
      return { ...loose, regions: [...loose.regions, extra] };
    case "country_in":
      return { ...loose, countries: [...loose.countries, extra] };
    case "funding_stage_in":
      return { ...loose, stages: [...loose.stages, extra] };
    case "employee_range": {
      if (pick % 3 === 0) return { ...loose, min: undefined };
      if (pick % 3 === 1) return { ...loose, max: loose.max === undefined ? undefined : loose.max + pick };
      return { ...loose, min: loose.min === undefined ? undefined : Math.max(0, loose.min - pick) };
    }
    case "tech_includes": {
      if (loose.mode === "any") return { ...loose, technologies: [...loose.technologies, extra] };
      if (pick % 2 === 0) return { ...loose, mode: "any" };
      return { ...loose, technologies: loose.technologies.slice(1) };
    }
    case "tech_excludes":
      return { ...loose, technologies: loose.technologies.filter((_, i) => i !== pick % loose.technologies.length) };
    case "hiring_signals": {
      if (pick % 3 === 0) return { ...loose, minCount: Math.max(0, loose.minCount - 1) };
      if (pick % 3 === 1 || loose.signals === undefined) return { ...loose, signals: undefined };
      return { ...loose, signals: [...loose.signals, extra] };
    }
  }
}

describe("fit properties", () => {
  it("relaxing any ICP rule never lowers fit (score or best case)", () => {
    fc.assert(
      fc.property(accountArb, icpArb, fc.nat(), fc.nat(100), (acc, icp, which, pick) => {
        const i = which % icp.rules.length;
        const relaxed: IcpDefinition = { ...icp, rules: icp.rules.map((r, k) => (k === i ? relax(r, pick) : r)) };
        const before = computeFit(acc, icp);
        const after = computeFit(acc, relaxed);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(after.potential).toBeGreaterThanOrEqual(before.potential);
        expect(after.knockoutsFailed.length).toBeLessThanOrEqual(before.knockoutsFailed.length);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps the score within 0..100 and below the best case", () => {
    fc.assert(
      fc.property(accountArb, icpArb, (acc, icp) => {
        const fit = computeFit(acc, icp);
        expect(fit.score).toBeGreaterThanOrEqual(0);
        expect(fit.score).toBeLessThanOrEqual(fit.potential);
        expect(fit.potential).toBeLessThanOrEqual(100);
        expect(Number.isInteger(fit.score)).toBe(true);
      }),
    );
  });
});
