import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { FRAMEWORKS } from "./frameworks";
import type { Framework, OpportunitySnapshot } from "./model";
import { pipelineFor } from "./pipeline";
import { DEFAULT_THRESHOLDS, requalify, type Flag, type RequalificationThresholds } from "./requalify";
import { NOW, daysAgo, evidence, meddpiccOpportunity, stakeholder } from "./testing/fixtures";

const meddpicc = FRAMEWORKS.meddpicc;

function flags(opp: Partial<OpportunitySnapshot>, framework: Framework = meddpicc, t: RequalificationThresholds = DEFAULT_THRESHOLDS): Flag[] {
  return requalify(meddpiccOpportunity(opp), framework, pipelineFor(framework), t, NOW);
}

const withCriterion = (id: string, state: "claimed" | "verified" | "negative", age: number) =>
  meddpiccOpportunity().criteria.map((c) => (c.criterionId === id ? evidence(id, state, age) : c));

interface Case {
  name: string;
  opp: Partial<OpportunitySnapshot>;
  framework?: Framework;
  thresholds?: Partial<RequalificationThresholds>;
  expected: Partial<Flag>[];
}

const CASES: Case[] = [
  { name: "healthy deal", opp: {}, expected: [] },
  {
    name: "stale deal",
    opp: { lastActivityAt: daysAgo(30) },
    expected: [
      { kind: "stale_deal", severity: "warning", daysSinceActivity: 30, text: "No activity for 30 days (since last activity); threshold 21" },
    ],
  },
  { name: "very stale deal", opp: { lastActivityAt: daysAgo(43) }, expected: [{ kind: "stale_deal", severity: "critical" }] },
  {
    name: "no activity since creation",
    opp: { lastActivityAt: null, createdAt: daysAgo(22) },
    expected: [{ kind: "stale_deal", text: "No activity for 22 days (since creation, with no activity logged); threshold 21" }],
  },
  { name: "stale threshold is data", opp: { lastActivityAt: daysAgo(30) }, thresholds: { staleDealDays: 45 }, expected: [] },
  {
    name: "silent champion",
    opp: { stakeholders: [stakeholder("c1", "champion", { lastEngagedAt: daysAgo(20), name: "Ana" })] },
    expected: [
      {
        kind: "silent_champion",
        severity: "warning",
        contactId: "c1",
        daysSilent: 20,
        text: "Champion Ana silent for 20 days: re-engage or find a new champion",
      },
    ],
  },
  {
    name: "long-silent champion",
    opp: { stakeholders: [stakeholder("c1", "champion", { lastEngagedAt: daysAgo(29) })] },
    expected: [{ kind: "silent_champion", severity: "critical" }],
  },
  {
    name: "close date past",
    opp: { expectedCloseDate: daysAgo(3), originalCloseDate: daysAgo(3) },
    expected: [{ kind: "close_date_past", severity: "critical", daysPast: 3 }],
  },
  { name: "close date earlier today is not past yet", opp: { expectedCloseDate: addDays(NOW, -0.5), originalCloseDate: null }, expected: [] },
  {
    name: "close date slipped",
    opp: { expectedCloseDate: addDays(NOW, 45), originalCloseDate: addDays(NOW, 30) },
    expected: [{ kind: "close_date_slipped", severity: "warning", daysSlipped: 15 }],
  },
  {
    name: "close date slipped a lot",
    opp: { expectedCloseDate: addDays(NOW, 70), originalCloseDate: addDays(NOW, 30) },
    expected: [{ kind: "close_date_slipped", severity: "critical", daysSlipped: 40 }],
  },
  { name: "close date pulled in is not a slip", opp: { expectedCloseDate: addDays(NOW, 10), originalCloseDate: addDays(NOW, 30) }, expected: [] },
  { name: "no close date", opp: { expectedCloseDate: null }, expected: [] },
  {
    name: "budget unconfirmed at a late stage",
    opp: { criteria: withCriterion("economic_buyer", "claimed", 5) },
    expected: [
      {
        kind: "budget_unconfirmed_late",
        severity: "critical",
        criterionId: "economic_buyer",
        stageId: "proposal",
        text: "Budget (Economic buyer) still not verified at Proposal: Claimed, not verified (evidence 5 days old)",
      },
    ],
  },
  { name: "budget unconfirmed early is fine", opp: { stageId: "discovery", criteria: withCriterion("economic_buyer", "claimed", 5) }, expected: [] },
  {
    name: "late stages can be listed explicitly",
    opp: { criteria: withCriterion("economic_buyer", "claimed", 5) },
    thresholds: { lateStageIds: ["negotiation"] },
    expected: [],
  },
  {
    name: "BANT budget gone stale late",
    opp: { stageId: "negotiation", criteria: [evidence("budget", "verified", 100), evidence("timeline", "claimed", 5)] },
    framework: FRAMEWORKS.bant,
    expected: [
      {
        kind: "budget_unconfirmed_late",
        criterionId: "budget",
        stageId: "negotiation",
        text: "Budget still not verified at Negotiation: Verified but stale: evidence 100 days old, freshness window 90 days",
      },
      { kind: "evidence_stale", criterionId: "budget", blocksNextGate: false, severity: "warning" },
    ],
  },
  { name: "SPICED has no budget criterion", opp: { criteria: [] }, framework: FRAMEWORKS.spiced, expected: [] },
  {
    name: "stakeholder never engaged",
    opp: { stakeholders: [stakeholder("u1", "user", { lastEngagedAt: null, addedAt: daysAgo(10), name: "Bo" })] },
    expected: [
      {
        kind: "stakeholder_never_engaged",
        severity: "warning",
        contactId: "u1",
        role: "user",
        daysSinceAdded: 10,
        text: "User Bo added 10 days ago and never engaged",
      },
    ],
  },
  {
    name: "stakeholder long never engaged",
    opp: { stakeholders: [stakeholder("u1", "economic_buyer", { lastEngagedAt: null, addedAt: daysAgo(15) })] },
    expected: [{ kind: "stakeholder_never_engaged", severity: "critical", role: "economic_buyer" }],
  },
  {
    name: "new stakeholder within grace",
    opp: { stakeholders: [stakeholder("u1", "user", { lastEngagedAt: null, addedAt: daysAgo(5) })] },
    expected: [],
  },
  {
    name: "stale evidence the next gate needs",
    opp: { criteria: withCriterion("competition", "claimed", 100) },
    expected: [{ kind: "evidence_stale", severity: "critical", criterionId: "competition", blocksNextGate: true }],
  },
  {
    name: "stale evidence elsewhere",
    opp: { stageId: "negotiation", criteria: withCriterion("metrics", "verified", 100) },
    expected: [{ kind: "evidence_stale", severity: "warning", criterionId: "metrics", blocksNextGate: false }],
  },
];

describe("requalify flags", () => {
  it.each(CASES)("$name", ({ opp, framework, thresholds, expected }) => {
    const result = flags(opp, framework, { ...DEFAULT_THRESHOLDS, ...thresholds });
    expect(result).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(result[i]).toMatchObject(e));
  });

  it("covers every flag kind", () => {
    const kinds = new Set(CASES.flatMap((c) => c.expected.map((e) => e.kind)));
    expect([...kinds].sort()).toEqual([
      "budget_unconfirmed_late",
      "close_date_past",
      "close_date_slipped",
      "evidence_stale",
      "silent_champion",
      "stakeholder_never_engaged",
      "stale_deal",
    ]);
  });

  it("raises flags in a fixed order", () => {
    const result = flags({
      lastActivityAt: daysAgo(30),
      expectedCloseDate: daysAgo(2),
      originalCloseDate: daysAgo(20),
      criteria: withCriterion("economic_buyer", "verified", 120),
    });
    expect(result.map((f) => f.kind)).toEqual(["stale_deal", "close_date_past", "close_date_slipped", "budget_unconfirmed_late", "evidence_stale"]);
  });

  it("raises nothing on closed deals", () => {
    expect(flags({ status: "won", lastActivityAt: daysAgo(300) })).toEqual([]);
    expect(flags({ stageId: "closed_lost", status: "open", lastActivityAt: daysAgo(300) })).toEqual([]);
  });

  it("refuses a stage the pipeline does not have", () => {
    expect(() => flags({ stageId: "limbo" })).toThrow(/limbo/);
  });
});
