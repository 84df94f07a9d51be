import { describe, expect, it } from "vitest";
import { computeFit } from "./fit";
import { FRAMEWORKS } from "./frameworks";
import { checkGate, checkRequirement, type BlockerCode, type GateContext } from "./gates";
import type { GateRequirement, OpportunitySnapshot, StageDefinition } from "./model";
import { NOW, account, daysAgo, evidence, meddpiccOpportunity, SAAS_ICP, stakeholder } from "./testing/fixtures";

const stage: StageDefinition = { id: "proposal", label: "Proposal", probability: 0.6, kind: "open", exit: [] };
const fw = FRAMEWORKS.meddpicc;

function ctx(opp: Partial<OpportunitySnapshot> = {}, fitScore: number | null = 100): GateContext {
  const fit = fitScore === null ? null : { ...computeFit(account(), SAAS_ICP), score: fitScore };
  return { framework: fw, opportunity: meddpiccOpportunity(opp), fit, now: NOW };
}

interface Case {
  name: string;
  req: GateRequirement;
  ctx: GateContext;
  code: BlockerCode | null;
  message?: RegExp;
}

const crit = (criterionId: string, atLeast: "claimed" | "verified"): GateRequirement => ({ kind: "criterion", criterionId, atLeast });

const CASES: Case[] = [
  { name: "criterion verified meets verified", req: crit("metrics", "verified"), ctx: ctx(), code: null },
  { name: "criterion claimed meets claimed", req: crit("paper_process", "claimed"), ctx: ctx(), code: null },
  {
    name: "criterion claimed fails verified",
    req: crit("paper_process", "verified"),
    ctx: ctx(),
    code: "criterion_not_verified",
    message: /^Paper process is only claimed: verify it to leave Proposal$/,
  },
  {
    name: "criterion unknown",
    req: crit("metrics", "claimed"),
    ctx: ctx({ criteria: [] }),
    code: "criterion_missing",
    message: /^Metrics unknown: it must be claimed to leave Proposal$/,
  },
  {
    name: "criterion negative",
    req: crit("metrics", "claimed"),
    ctx: ctx({ criteria: [evidence("metrics", "negative", 1)] }),
    code: "criterion_negative",
    message: /said no/,
  },
  {
    name: "criterion stale",
    req: crit("metrics", "claimed"),
    ctx: ctx({ criteria: [evidence("metrics", "verified", 200)] }),
    code: "criterion_stale",
    message: /stale: re-confirm it to leave Proposal \(Verified but stale/,
  },
  {
    name: "criterion outside the framework",
    req: crit("budget", "claimed"),
    ctx: ctx(),
    code: "criterion_undefined",
    message: /MEDDPICC does not define/,
  },
  { name: "min fit met", req: { kind: "min_fit", score: 60 }, ctx: ctx({}, 60), code: null },
  {
    name: "min fit not met",
    req: { kind: "min_fit", score: 60 },
    ctx: ctx({}, 59),
    code: "fit_below_min",
    message: /^Fit 59\/100 is below the 60 needed to leave Proposal$/,
  },
  { name: "min fit without a fit score", req: { kind: "min_fit", score: 60 }, ctx: ctx({}, null), code: "fit_below_min", message: /No fit score/ },
  { name: "min intent met", req: { kind: "min_intent", score: 85 }, ctx: ctx(), code: null },
  {
    name: "min intent not met",
    req: { kind: "min_intent", score: 86 },
    ctx: ctx(),
    code: "intent_below_min",
    message: /Intent 85\/100 is below the 86/,
  },
  { name: "stakeholder identified", req: { kind: "stakeholder", role: "economic_buyer" }, ctx: ctx(), code: null },
  {
    name: "stakeholder missing",
    req: { kind: "stakeholder", role: "procurement" },
    ctx: ctx(),
    code: "stakeholder_missing",
    message: /^Procurement not identified: add the procurement contact/,
  },
  {
    name: "economic buyer missing",
    req: { kind: "stakeholder", role: "economic_buyer" },
    ctx: ctx({ stakeholders: [] }),
    code: "stakeholder_missing",
    message: /^Economic buyer not identified: add the contact who signs to the buying committee$/,
  },
  { name: "stakeholder engaged recently", req: { kind: "stakeholder", role: "economic_buyer", engagedWithinDays: 10 }, ctx: ctx(), code: null },
  {
    name: "stakeholder engaged too long ago",
    req: { kind: "stakeholder", role: "economic_buyer", engagedWithinDays: 9 },
    ctx: ctx(),
    code: "stakeholder_not_engaged",
    message: /not engaged in the last 9 days \(last engaged 10 days ago\)/,
  },
  {
    name: "stakeholder never engaged",
    req: { kind: "stakeholder", role: "user", engagedWithinDays: 30 },
    ctx: ctx({ stakeholders: [stakeholder("u", "user", { lastEngagedAt: null })] }),
    code: "stakeholder_not_engaged",
    message: /never engaged/,
  },
  {
    name: "any one of several in the role engaged",
    req: { kind: "stakeholder", role: "user", engagedWithinDays: 30 },
    ctx: ctx({ stakeholders: [stakeholder("u1", "user", { lastEngagedAt: null }), stakeholder("u2", "user", { lastEngagedAt: daysAgo(29) })] }),
    code: null,
  },
  { name: "champion tested", req: { kind: "champion_tested" }, ctx: ctx(), code: null },
  {
    name: "champion untested",
    req: { kind: "champion_tested" },
    ctx: ctx({ stakeholders: [stakeholder("c", "champion")] }),
    code: "champion_untested",
    message: /^Champion not tested/,
  },
  {
    name: "no champion to test",
    req: { kind: "champion_tested" },
    ctx: ctx({ stakeholders: [] }),
    code: "champion_untested",
    message: /^No champion to test/,
  },
];

describe("gate requirement kinds", () => {
  it.each(CASES)("$name → $code", ({ req, ctx: c, code, message }) => {
    const blocker = checkRequirement(req, stage, c);
    expect(blocker?.code ?? null).toBe(code);
    if (blocker) {
      expect(blocker.stageId).toBe("proposal");
      expect(blocker.requirement).toBe(req);
      if (message) expect(blocker.message).toMatch(message);
    }
  });

  it("covers every requirement kind", () => {
    expect(new Set(CASES.map((c) => c.req.kind))).toEqual(new Set(["criterion", "min_fit", "min_intent", "stakeholder", "champion_tested"]));
  });

  it("tags blockers with the criterion or role they concern", () => {
    expect(checkRequirement(crit("metrics", "claimed"), stage, ctx({ criteria: [] }))).toMatchObject({ criterionId: "metrics" });
    expect(checkRequirement({ kind: "stakeholder", role: "blocker" }, stage, ctx())).toMatchObject({ role: "blocker" });
  });

  it("lists every unmet requirement of a gate in gate order, computing intent once", () => {
    const c = ctx({ criteria: [], stakeholders: [] });
    const gate: StageDefinition = {
      ...stage,
      exit: [{ kind: "min_intent", score: 10 }, crit("metrics", "claimed"), { kind: "champion_tested" }, { kind: "min_intent", score: 5 }],
    };
    expect(checkGate(gate, c).map((b) => b.code)).toEqual(["intent_below_min", "criterion_missing", "champion_untested", "intent_below_min"]);
    expect(c.intent?.score).toBe(0);
  });
});
