import { describe, expect, it } from "vitest";
import { assessAccount } from "./account";
import type { IcpDefinition } from "./icp";

const icp: IcpDefinition = {
  version: 3,
  pursueThreshold: 70,
  disqualifyBelow: 30,
  rules: [
    { id: "industry", label: "Industry", kind: "industry_in", industries: ["software"], weight: 3, knockout: true },
    { id: "size", label: "Size", kind: "employee_range", min: 50, max: 5000, weight: 2, knockout: false },
  ],
};

describe("assessAccount", () => {
  it.each([
    { name: "a full match is pursued", account: { industry: "Software", employeeCount: 200 }, verdict: "pursue" },
    { name: "a failed knockout disqualifies", account: { industry: "Retail", employeeCount: 200 }, verdict: "disqualify" },
    {
      name: "proven fit under the threshold with room to grow is nurture",
      account: { industry: "Software", employeeCount: null },
      verdict: "nurture",
    },
  ])("$name", ({ account, verdict }) => {
    const result = assessAccount({ country: null, region: null, techStack: [], fundingStage: null, hiringSignals: [], ...account }, icp);
    expect(result.verdict).toBe(verdict);
    expect(result.fit.icpVersion).toBe(3);
  });
});
