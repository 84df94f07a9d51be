import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { criterionStatus, meets, pointsFactor } from "./evidence";
import type { CriterionDefinition, CriterionEvidence, EffectiveState, EvidenceState } from "./model";
import { NOW, daysAgo, evidence } from "./testing/fixtures";

const def: CriterionDefinition = {
  id: "budget",
  label: "Budget",
  level: "opportunity",
  weight: 10,
  knockout: false,
  freshnessDays: 90,
  description: "",
  questions: ["?"],
};

interface Case {
  name: string;
  ev: CriterionEvidence | undefined;
  effective: EffectiveState;
  fresh: boolean;
  factor: number;
  reason: RegExp;
}

const CASES: Case[] = [
  { name: "no record", ev: undefined, effective: "unknown", fresh: true, factor: 0, reason: /^Unknown: no evidence yet$/ },
  {
    name: "verified, recent",
    ev: evidence("budget", "verified", 10),
    effective: "verified",
    fresh: true,
    factor: 1,
    reason: /^Verified \(evidence 10 days old\)$/,
  },
  {
    name: "verified, exactly at the window",
    ev: evidence("budget", "verified", 90),
    effective: "verified",
    fresh: true,
    factor: 1,
    reason: /90 day/,
  },
  {
    name: "verified, past the window",
    ev: evidence("budget", "verified", 91),
    effective: "stale",
    fresh: false,
    factor: 0.5,
    reason: /^Verified but stale: evidence 91 days old, freshness window 90 days$/,
  },
  { name: "claimed, recent", ev: evidence("budget", "claimed", 5), effective: "claimed", fresh: true, factor: 0.5, reason: /^Claimed, not verified/ },
  {
    name: "claimed, stale",
    ev: evidence("budget", "claimed", 200),
    effective: "stale",
    fresh: false,
    factor: 0.25,
    reason: /Claimed, not verified but stale/,
  },
  {
    name: "claimed without dated evidence",
    ev: evidence("budget", "claimed", null),
    effective: "stale",
    fresh: false,
    factor: 0.25,
    reason: /undated/,
  },
  {
    name: "negative, recent",
    ev: evidence("budget", "negative", 3),
    effective: "negative",
    fresh: true,
    factor: 0,
    reason: /^Negative: the prospect said no \(evidence 3 day/,
  },
  {
    name: "negative, old: still negative",
    ev: evidence("budget", "negative", 300),
    effective: "negative",
    fresh: false,
    factor: 0,
    reason: /Negative/,
  },
  { name: "unknown with stray evidence", ev: evidence("budget", "unknown", 300), effective: "unknown", fresh: true, factor: 0, reason: /Unknown/ },
];

describe("criterionStatus", () => {
  it.each(CASES)("$name → $effective", ({ ev, effective, fresh, factor, reason }) => {
    const s = criterionStatus(def, ev, NOW);
    expect(s.effectiveState).toBe(effective);
    expect(s.fresh).toBe(fresh);
    expect(pointsFactor(s)).toBe(factor);
    expect(s.reason).toMatch(reason);
  });

  it("dates evidence by its latest capture or verification", () => {
    const ev: CriterionEvidence = {
      criterionId: "budget",
      state: "verified",
      evidence: [
        { excerpt: "old claim", capturedAt: daysAgo(200), verifiedAt: daysAgo(20), verifiedBy: "cfo" },
        { excerpt: "older", capturedAt: daysAgo(300) },
      ],
    };
    const s = criterionStatus(def, ev, NOW);
    expect(s.lastEvidenceAt).toEqual(daysAgo(20));
    expect(s.effectiveState).toBe("verified");
  });

  it("never goes stale without a freshness window", () => {
    const s = criterionStatus({ ...def, freshnessDays: null }, evidence("budget", "claimed", 5000), NOW);
    expect(s).toMatchObject({ effectiveState: "claimed", fresh: true });
  });

  it("counts evidence dated after now as fresh", () => {
    const ev: CriterionEvidence = { criterionId: "budget", state: "verified", evidence: [{ excerpt: "x", capturedAt: addDays(NOW, 2) }] };
    expect(criterionStatus(def, ev, NOW).fresh).toBe(true);
  });
});

describe("meets", () => {
  const table: [EvidenceState, number | null, "claimed" | "verified", boolean][] = [
    ["verified", 1, "verified", true],
    ["verified", 1, "claimed", true],
    ["claimed", 1, "claimed", true],
    ["claimed", 1, "verified", false],
    ["verified", 400, "claimed", false],
    ["claimed", 400, "claimed", false],
    ["negative", 1, "claimed", false],
    ["unknown", null, "claimed", false],
  ];
  it.each(table)("%s evidence %s days old meets %s: %s", (state, age, atLeast, ok) => {
    expect(meets(criterionStatus(def, evidence("budget", state, age), NOW), atLeast)).toBe(ok);
  });
});
