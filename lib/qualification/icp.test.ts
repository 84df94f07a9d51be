import { describe, expect, it } from "vitest";
import { compileRule, evaluateRule, normalizeAccount, type AccountProfile, type IcpRule, type RuleOutcome } from "./icp";
import { account } from "./testing/fixtures";

const base = { id: "r", label: "Rule", weight: 10, knockout: false };

interface RuleCase {
  name: string;
  rule: IcpRule;
  account: Partial<AccountProfile>;
  outcome: RuleOutcome;
  reason: RegExp;
}

const CASES: RuleCase[] = [
  {
    name: "industry in set (case-insensitive)",
    rule: { ...base, kind: "industry_in", industries: ["Software"] },
    account: { industry: " software " },
    outcome: "match",
    reason: /Industry\s+software\s+is in the ICP \(Software\)/,
  },
  {
    name: "industry outside set",
    rule: { ...base, kind: "industry_in", industries: ["Software"] },
    account: { industry: "Retail" },
    outcome: "miss",
    reason: /Retail is not in the ICP/,
  },
  {
    name: "industry missing",
    rule: { ...base, kind: "industry_in", industries: ["Software"] },
    account: { industry: null },
    outcome: "unknown",
    reason: /Industry unknown/,
  },
  {
    name: "employees within range",
    rule: { ...base, kind: "employee_range", min: 50, max: 500 },
    account: { employeeCount: 50 },
    outcome: "match",
    reason: /50 employees is within 50–500/,
  },
  {
    name: "employees at max bound",
    rule: { ...base, kind: "employee_range", min: 50, max: 500 },
    account: { employeeCount: 500 },
    outcome: "match",
    reason: /within/,
  },
  {
    name: "employee counts and bounds read with thousands separators",
    rule: { ...base, kind: "employee_range", min: 1000, max: 25000 },
    account: { employeeCount: 1800 },
    outcome: "match",
    reason: /^1,800 employees is within 1,000–25,000$/,
  },
  {
    name: "employees below min",
    rule: { ...base, kind: "employee_range", min: 50, max: 500 },
    account: { employeeCount: 49 },
    outcome: "miss",
    reason: /49 employees is outside 50–500/,
  },
  {
    name: "employees above max, open min",
    rule: { ...base, kind: "employee_range", max: 500 },
    account: { employeeCount: 501 },
    outcome: "miss",
    reason: /outside 0–500/,
  },
  {
    name: "employees, open max",
    rule: { ...base, kind: "employee_range", min: 10 },
    account: { employeeCount: 90_000 },
    outcome: "match",
    reason: /within 10–∞/,
  },
  {
    name: "employees missing",
    rule: { ...base, kind: "employee_range", min: 10 },
    account: { employeeCount: null },
    outcome: "unknown",
    reason: /Employee count unknown/,
  },
  {
    name: "region in set",
    rule: { ...base, kind: "region_in", regions: ["EMEA", "NA"] },
    account: { region: "emea" },
    outcome: "match",
    reason: /Region emea is in the ICP/,
  },
  {
    name: "region outside set",
    rule: { ...base, kind: "region_in", regions: ["EMEA"] },
    account: { region: "APAC" },
    outcome: "miss",
    reason: /not in the ICP/,
  },
  {
    name: "region missing",
    rule: { ...base, kind: "region_in", regions: ["EMEA"] },
    account: { region: null },
    outcome: "unknown",
    reason: /Region unknown/,
  },
  {
    name: "country in set",
    rule: { ...base, kind: "country_in", countries: ["de", "FR"] },
    account: { country: "DE" },
    outcome: "match",
    reason: /Country DE is in the ICP/,
  },
  {
    name: "country outside set",
    rule: { ...base, kind: "country_in", countries: ["DE"] },
    account: { country: "US" },
    outcome: "miss",
    reason: /not in the ICP/,
  },
  {
    name: "country missing",
    rule: { ...base, kind: "country_in", countries: ["DE"] },
    account: { country: null },
    outcome: "unknown",
    reason: /Country unknown/,
  },
  {
    name: "tech any: one present",
    rule: { ...base, kind: "tech_includes", technologies: ["Salesforce", "HubSpot"], mode: "any" },
    account: { techStack: ["hubspot"] },
    outcome: "match",
    reason: /Uses any of Salesforce, HubSpot/,
  },
  {
    name: "tech any: none present",
    rule: { ...base, kind: "tech_includes", technologies: ["Salesforce"], mode: "any" },
    account: { techStack: ["Slack"] },
    outcome: "miss",
    reason: /Does not use any of/,
  },
  {
    name: "tech all: all present",
    rule: { ...base, kind: "tech_includes", technologies: ["Snowflake", "dbt"], mode: "all" },
    account: { techStack: ["DBT", "snowflake", "Slack"] },
    outcome: "match",
    reason: /Uses all of/,
  },
  {
    name: "tech all: one missing",
    rule: { ...base, kind: "tech_includes", technologies: ["Snowflake", "dbt"], mode: "all" },
    account: { techStack: ["Snowflake"] },
    outcome: "miss",
    reason: /Does not use all of/,
  },
  {
    name: "tech includes: stack unknown",
    rule: { ...base, kind: "tech_includes", technologies: ["Snowflake"], mode: "all" },
    account: { techStack: [] },
    outcome: "unknown",
    reason: /Tech stack unknown/,
  },
  {
    name: "tech excludes: clean",
    rule: { ...base, kind: "tech_excludes", technologies: ["Clari"] },
    account: { techStack: ["HubSpot"] },
    outcome: "match",
    reason: /Uses none of Clari/,
  },
  {
    name: "tech excludes: competitor present",
    rule: { ...base, kind: "tech_excludes", technologies: ["Clari"] },
    account: { techStack: ["CLARI"] },
    outcome: "miss",
    reason: /excluded technology/,
  },
  {
    name: "tech excludes: stack unknown",
    rule: { ...base, kind: "tech_excludes", technologies: ["Clari"] },
    account: { techStack: [] },
    outcome: "unknown",
    reason: /Tech stack unknown/,
  },
  {
    name: "funding in set",
    rule: { ...base, kind: "funding_stage_in", stages: ["Series B"] },
    account: { fundingStage: "series b" },
    outcome: "match",
    reason: /Funding stage series b is in the ICP/,
  },
  {
    name: "funding outside set",
    rule: { ...base, kind: "funding_stage_in", stages: ["Series B"] },
    account: { fundingStage: "Seed" },
    outcome: "miss",
    reason: /not in the ICP/,
  },
  {
    name: "funding missing",
    rule: { ...base, kind: "funding_stage_in", stages: ["Series B"] },
    account: { fundingStage: null },
    outcome: "unknown",
    reason: /Funding stage unknown/,
  },
  {
    name: "hiring: enough signals of any kind",
    rule: { ...base, kind: "hiring_signals", minCount: 2 },
    account: { hiringSignals: ["SDR", "Designer"] },
    outcome: "match",
    reason: /^2 hiring signals, at least 2/,
  },
  {
    name: "hiring: too few signals",
    rule: { ...base, kind: "hiring_signals", minCount: 3 },
    account: { hiringSignals: ["SDR"] },
    outcome: "miss",
    reason: /1 hiring signal/,
  },
  {
    name: "hiring: counted only from the set",
    rule: { ...base, kind: "hiring_signals", minCount: 2, signals: ["SDR", "RevOps"] },
    account: { hiringSignals: ["sdr", "Designer"] },
    outcome: "miss",
    reason: /1 hiring signal from SDR, RevOps/,
  },
  {
    name: "hiring: from the set, enough",
    rule: { ...base, kind: "hiring_signals", minCount: 2, signals: ["SDR", "RevOps"] },
    account: { hiringSignals: ["sdr", "revops"] },
    outcome: "match",
    reason: /2 hiring signal/,
  },
  {
    name: "hiring: no data",
    rule: { ...base, kind: "hiring_signals", minCount: 1 },
    account: { hiringSignals: [] },
    outcome: "unknown",
    reason: /No hiring signals recorded/,
  },
];

describe("ICP rule kinds", () => {
  it.each(CASES)("$name → $outcome", ({ rule, account: overrides, outcome, reason }) => {
    const result = evaluateRule(compileRule(rule), normalizeAccount(account(overrides)));
    expect(result.outcome).toBe(outcome);
    expect(result.reason).toMatch(reason);
  });

  it("covers every rule kind in the table", () => {
    const kinds = new Set(CASES.map((c) => c.rule.kind));
    expect([...kinds].sort()).toEqual([
      "country_in",
      "employee_range",
      "funding_stage_in",
      "hiring_signals",
      "industry_in",
      "region_in",
      "tech_excludes",
      "tech_includes",
    ]);
  });

  it("treats an empty 'all' list as satisfied and an empty 'any' list as unmet", () => {
    const a = normalizeAccount(account());
    expect(evaluateRule(compileRule({ ...base, kind: "tech_includes", technologies: [], mode: "all" }), a).outcome).toBe("match");
    expect(evaluateRule(compileRule({ ...base, kind: "tech_includes", technologies: [], mode: "any" }), a).outcome).toBe("miss");
  });
});
