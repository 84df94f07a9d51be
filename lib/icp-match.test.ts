import { describe, expect, it } from "vitest";
import { missesIcp, suggestionsFor } from "./icp-match";

describe("missesIcp", () => {
  it.each([
    ["Fintec", ["Fintech", "SaaS"], true],
    ["fintech ", ["Fintech", "SaaS"], false],
    ["", ["Fintech"], false],
    ["   ", ["Fintech"], false],
    ["Anything", [], false],
  ] as const)("%j against %j warns: %s", (value, icp, warns) => {
    expect(missesIcp(value, icp)).toBe(warns);
  });
});

describe("suggestionsFor", () => {
  it("lists the ICP's values first, marked, then the usual ones not already listed, ignoring case", () => {
    expect(suggestionsFor(["Fintech", "Robotics"], ["Healthcare", "fintech"])).toEqual([
      { value: "Fintech", label: "Fintech", detail: "In your ICP" },
      { value: "Robotics", label: "Robotics", detail: "In your ICP" },
      { value: "Healthcare", label: "Healthcare", detail: null },
    ]);
  });
});
