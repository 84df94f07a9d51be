import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { computeFit } from "./fit";
import { FRAMEWORKS } from "./frameworks";
import type { AccountProfile, IcpDefinition } from "./icp";
import { scoreIntent } from "./intent";
import type { CriterionEvidence, Framework, OpportunitySnapshot, Pipeline } from "./model";
import { pipelineFor } from "./pipeline";
import type { Flag } from "./requalify";
import { NOW, account, daysAgo, evidence, meddpiccOpportunity, SAAS_ICP } from "./testing/fixtures";
import { asVerdictKind, VERDICT_KINDS } from "./verdict";
import { customFramework } from "./validate";
import { decideVerdict, type VerdictInput } from "./verdict";

const bant = FRAMEWORKS.bant;
const goodBant = () => [
  evidence("budget", "verified", 5),
  evidence("authority", "verified", 5),
  evidence("need", "verified", 5),
  evidence("timeline", "claimed", 5),
];

function verdictFor(
  opts: {
    criteria?: CriterionEvidence[];
    acc?: Partial<AccountProfile>;
    icp?: IcpDefinition;
    flags?: Flag[];
    framework?: Framework;
    nurtureDays?: number;
  } = {},
) {
  const framework = opts.framework ?? bant;
  const icp = opts.icp ?? SAAS_ICP;
  const opportunity = meddpiccOpportunity({ criteria: opts.criteria ?? goodBant() });
  const input: VerdictInput = {
    fit: computeFit(account(opts.acc), icp),
    intent: scoreIntent(framework, opportunity, NOW),
    flags: opts.flags,
    opportunity,
    framework,
    icp,
    now: NOW,
    nurtureDays: opts.nurtureDays,
  };
  return decideVerdict(input);
}

const staleFlag = (severity: "warning" | "critical"): Flag => ({
  kind: "stale_deal",
  severity,
  daysSinceActivity: 50,
  text: "No activity for 50 days",
});

describe("decideVerdict", () => {
  it("pursues a good-fit deal with no negative must-have", () => {
    const v = verdictFor();
    expect(v.verdict).toBe("pursue");
    expect(v.reasons[0]).toEqual({ code: "pursue", text: "Fit 100/100 meets the 60 threshold and no must-have came back negative" });
    expect(v.reasons.map((r) => r.code)).not.toContain("stage_evidence_missing");
    expect(v.reasons.map((r) => r.code)).toContain("intent_score");
    expect(v.resumeOn).toBeUndefined();
  });

  it("calls a perfect-fit account with bad timing 'not yet', not 'not a fit'", () => {
    const criteria = [...goodBant().slice(0, 3), evidence("timeline", "negative", 10)];
    const v = verdictFor({ criteria });
    expect(v.verdict).toBe("nurture");
    expect(v.reasons[0]).toMatchObject({ code: "criterion_negative", criterionId: "timeline" });
    // The "no" stays current for the timeline's 60-day window, measured from when it was said.
    expect(v.resumeOn).toEqual(addDays(daysAgo(10), 60));
    expect(v.watchFor).toBe("A dated event (launch, renewal, regulation) that forces a decision");
  });

  it("disqualifies when a must-have comes back negative", () => {
    const v = verdictFor({ criteria: [evidence("need", "negative", 3)] });
    expect(v.verdict).toBe("disqualify");
    expect(v.reasons[0]).toMatchObject({ code: "must_have_negative", criterionId: "need" });
    expect(v.resumeOn).toBeUndefined();
  });

  it("disqualifies on a failed ICP knockout, whatever the timing", () => {
    const v = verdictFor({ acc: { region: "APAC" }, criteria: [evidence("timeline", "negative", 3)] });
    expect(v.verdict).toBe("disqualify");
    expect(v.reasons[0]).toMatchObject({ code: "icp_knockout", criterionId: "region" });
  });

  it("does not disqualify on an unknown knockout: unknown is 'not yet known'", () => {
    const v = verdictFor({ acc: { employeeCount: null } });
    expect(v.verdict).toBe("pursue");
    expect(v.reasons).toContainEqual(expect.objectContaining({ code: "icp_knockout_unknown", criterionId: "size" }));
  });

  it("disqualifies when even the best case fit is under the floor", () => {
    const v = verdictFor({ acc: { industry: "Retail", country: "JP", techStack: ["Clari"], fundingStage: "IPO", hiringSignals: ["Designer"] } });
    // Only size (15), region (10) and "growing" (10) match and nothing is unknown: best case 35, above the 30 floor.
    expect(v.verdict).toBe("nurture");
    const strict = verdictFor({
      icp: { ...SAAS_ICP, disqualifyBelow: 40 },
      acc: { industry: "Retail", country: "JP", techStack: ["Clari"], fundingStage: "IPO", hiringSignals: ["Designer"] },
    });
    expect(strict.verdict).toBe("disqualify");
    expect(strict.reasons[0]).toEqual({
      code: "fit_too_low",
      text: "Even if every unknown ICP rule matched, fit would be 35/100, below the 40 floor",
    });
  });

  it("nurtures an unproven fit and names the data to collect", () => {
    const v = verdictFor({ acc: { industry: null, techStack: [], fundingStage: null } });
    expect(v.verdict).toBe("nurture");
    expect(v.reasons[0]?.code).toBe("fit_below_pursue");
    expect(v.watchFor).toBe("Account data for: Target industry, Uses a CRM, Cloud data stack, No competing tool, Funded growth stage");
    expect(v.resumeOn).toEqual(addDays(NOW, 90));
  });

  it("nurtures a known but weak fit and names the rules to watch", () => {
    const v = verdictFor({ acc: { industry: "Retail", techStack: ["Clari"], fundingStage: "Seed" }, nurtureDays: 30 });
    expect(v.verdict).toBe("nurture");
    expect(v.watchFor).toBe("Account changes on: Target industry, Uses a CRM, Cloud data stack, No competing tool, Funded growth stage");
    expect(v.resumeOn).toEqual(addDays(NOW, 30));
  });

  it("nurtures a deal gone quiet (critical stale flag) but not on a warning", () => {
    expect(verdictFor({ flags: [staleFlag("warning")] }).verdict).toBe("pursue");
    const v = verdictFor({ flags: [staleFlag("critical")] });
    expect(v.verdict).toBe("nurture");
    expect(v.reasons[0]).toEqual({ code: "deal_stale", text: "No activity for 50 days" });
    expect(v.watchFor).toBe("Any reply or new activity from the account");
  });

  it("resumes at the earliest hold and lists each trigger once", () => {
    const criteria = [evidence("budget", "negative", 80), evidence("timeline", "negative", 50), evidence("need", "verified", 5)];
    const v = verdictFor({ criteria, flags: [staleFlag("critical"), staleFlag("critical")] });
    expect(v.verdict).toBe("nurture");
    expect(v.resumeOn).toEqual(addDays(daysAgo(80), 90)); // budget's "no" expires in 10 days
    expect(v.watchFor?.split("; ")).toEqual([
      "A new budget cycle or a funded initiative that covers this problem",
      "A dated event (launch, renewal, regulation) that forces a decision",
      "Any reply or new activity from the account",
    ]);
  });

  it("re-checks at once when the 'no' is already old, and falls back when there is no window or trigger", () => {
    expect(verdictFor({ criteria: [evidence("timeline", "negative", 100)] }).resumeOn).toEqual(NOW);
    const fw = customFramework({ name: "Lean", criteria: [{ ...bant.criteria[0]!, freshnessDays: null, nurtureTrigger: undefined }] });
    const v = verdictFor({ framework: fw, criteria: [evidence("budget", "negative", 3)] });
    expect(v).toMatchObject({ verdict: "nurture", resumeOn: addDays(NOW, 90), watchFor: "A change in budget" });
  });
});

describe("decideVerdict: a deal must have the evidence its stage requires", () => {
  const pipeline = pipelineFor(bant);
  // Self-attested verification: the owner's word, no third party.
  const selfVerified = (id: string, age: number): CriterionEvidence => {
    const e = evidence(id, "verified", age);
    return { ...e, evidence: e.evidence.map((item) => ({ ...item, basis: "self_attested" as const })) };
  };

  function staged(
    stageId: string,
    criteria: CriterionEvidence[],
    more: Partial<OpportunitySnapshot> & { pipeline?: Pipeline | null; acc?: Partial<AccountProfile> } = {},
  ) {
    const { pipeline: p = pipeline, acc, ...snapshot } = more;
    const opportunity = meddpiccOpportunity({ stageId, criteria, ...snapshot });
    return decideVerdict({
      fit: computeFit(account(acc), SAAS_ICP),
      intent: scoreIntent(bant, opportunity, NOW),
      opportunity,
      ...(p && { pipeline: p }),
      framework: bant,
      icp: SAAS_ICP,
      now: NOW,
    });
  }

  // BANT asks: need claimed to leave Discovery and verified to leave Solution; budget, authority and timeline
  // claimed to leave Solution; budget and authority (by the buyer or a manager) verified to leave Proposal.
  it.each([
    { name: "first stage, no evidence: fit alone is enough", stage: "prospecting", criteria: [], verdict: "pursue" },
    { name: "a stage whose way in asks no criterion", stage: "discovery", criteria: [], verdict: "pursue" },
    { name: "solution without the need", stage: "solution", criteria: [], verdict: "unproven", missing: ["need"] },
    { name: "solution with the need claimed", stage: "solution", criteria: [evidence("need", "claimed", 5)], verdict: "pursue" },
    {
      name: "proposal with everything claimed",
      stage: "proposal",
      criteria: goodBant().map((c) => ({ ...c, state: "claimed" as const })),
      verdict: "unproven",
      missing: ["need"],
    },
    {
      name: "proposal with a stale timeline",
      stage: "proposal",
      criteria: [...goodBant().slice(0, 3), evidence("timeline", "claimed", 70)],
      verdict: "unproven",
      missing: ["timeline"],
    },
    { name: "proposal, fully evidenced", stage: "proposal", criteria: goodBant(), verdict: "pursue" },
    {
      name: "negotiation with authority on the owner's word",
      stage: "negotiation",
      criteria: [
        evidence("budget", "verified", 5),
        selfVerified("authority", 5),
        evidence("need", "verified", 5),
        evidence("timeline", "claimed", 5),
      ],
      verdict: "unproven",
      missing: ["authority"],
    },
    {
      name: "negotiation with nothing at all",
      stage: "negotiation",
      criteria: [],
      verdict: "unproven",
      missing: ["budget", "authority", "need", "timeline"],
    },
  ])("$name → $verdict", ({ stage, criteria, verdict, missing }) => {
    const v = staged(stage, criteria);
    expect(v.verdict).toBe(verdict);
    expect(v.reasons.filter((r) => r.code === "stage_evidence_missing").map((r) => r.criterionId)).toEqual(missing ?? []);
  });

  it("says what is missing in the framework's words, and what to ask", () => {
    const v = staged("proposal", [evidence("need", "claimed", 5), evidence("timeline", "claimed", 5)]);
    expect(v.verdict).toBe("unproven");
    expect(v.resumeOn).toBeUndefined();
    expect(v.reasons.slice(0, 4)).toEqual([
      { code: "unproven", text: "At Proposal without the evidence a deal there needs: Budget, Authority, Need" },
      {
        code: "stage_evidence_missing",
        criterionId: "budget",
        text: 'Budget has no evidence, and it must be claimed to leave Solution. Ask: "Is there budget set aside for this project this year, and roughly how much?"',
      },
      {
        code: "stage_evidence_missing",
        criterionId: "authority",
        text: 'Authority has no evidence, and it must be claimed to leave Solution. Ask: "Besides you, who will be involved in deciding on this?"',
      },
      {
        code: "stage_evidence_missing",
        criterionId: "need",
        text: 'Need is only claimed, and it must be verified to leave Solution. Ask: "What problem are you trying to solve, and what happens if you do nothing?"',
      },
    ]);
    expect(v.reasons.map((r) => r.code)).toContain("intent_score");
  });

  it("asks for a confirmation, not a question, when only the basis falls short", () => {
    const criteria = [
      evidence("budget", "verified", 5),
      selfVerified("authority", 5),
      evidence("need", "verified", 5),
      evidence("timeline", "claimed", 5),
    ];
    const gap = staged("negotiation", criteria).reasons.find((r) => r.criterionId === "authority");
    expect(gap?.text).toBe(
      "Authority rests on the deal owner's word alone: it must be confirmed by the buyer or reviewed by a manager to leave Proposal. Ask the economic buyer to confirm it on a recap, or have a manager review it",
    );
  });

  it("keeps 'not a fit' and 'not yet' ahead of 'needs evidence', never collapsing them", () => {
    expect(staged("negotiation", [evidence("need", "negative", 5)]).verdict).toBe("disqualify");
    expect(staged("negotiation", [evidence("timeline", "negative", 5)]).verdict).toBe("nurture");
    expect(staged("negotiation", [], { acc: { region: "APAC" } }).verdict).toBe("disqualify");
    expect(staged("negotiation", [], { acc: { industry: null, techStack: [], fundingStage: null } }).verdict).toBe("nurture");
  });

  it("is never 'needs evidence' without a stage: closed deals, unknown stages, and leads (no pipeline)", () => {
    expect(staged("closed_won", [], { status: "won" }).verdict).toBe("pursue");
    expect(staged("negotiation", [], { status: "lost" }).verdict).toBe("pursue");
    expect(staged("somewhere", []).verdict).toBe("pursue");
    expect(staged("negotiation", [], { pipeline: null }).verdict).toBe("pursue");
  });

  it("does not count a manager override as evidence", () => {
    const overrides = [{ stageId: "solution", by: "manager-1", reason: "Exec sponsor vouches", expiresAt: addDays(NOW, 10), createdAt: daysAgo(1) }];
    expect(staged("proposal", [], { overrides }).verdict).toBe("unproven");
  });

  it("reports one gap per criterion, from the latest gate it fails, and ignores gates on undefined criteria", () => {
    const odd: Pipeline = {
      stages: pipeline.stages.map((st) =>
        st.id === "discovery" ? { ...st, exit: [...st.exit, { kind: "criterion" as const, criterionId: "ghost", atLeast: "claimed" as const }] } : st,
      ),
    };
    const v = staged("solution", [], { pipeline: odd });
    expect(v.reasons.filter((r) => r.code === "stage_evidence_missing")).toEqual([
      {
        code: "stage_evidence_missing",
        criterionId: "need",
        text: 'Need has no evidence, and it must be claimed to leave Discovery. Ask: "What problem are you trying to solve, and what happens if you do nothing?"',
      },
    ]);
    const later = staged("proposal", []).reasons.find((r) => r.criterionId === "need");
    expect(later?.text).toMatch(/^Need has no evidence, and it must be verified to leave Solution/);
  });

  it("falls back to a generic question for a criterion with none, and to any buyer for one without verifiers", () => {
    const bare: Framework = {
      ...bant,
      criteria: bant.criteria.map((c) => (c.id === "need" ? { ...c, questions: [] } : c.id === "authority" ? { ...c, verifierRoles: [] } : c)),
    };
    const opportunity = meddpiccOpportunity({
      stageId: "negotiation",
      criteria: [evidence("budget", "verified", 5), selfVerified("authority", 5), evidence("timeline", "claimed", 5)],
    });
    const v = decideVerdict({
      fit: computeFit(account(), SAAS_ICP),
      intent: scoreIntent(bare, opportunity, NOW),
      opportunity,
      pipeline: pipelineFor(bare),
      framework: bare,
      icp: SAAS_ICP,
      now: NOW,
    });
    expect(v.reasons.find((r) => r.criterionId === "need")?.text).toMatch(/Ask: "What do we know about need\?"$/);
    expect(v.reasons.find((r) => r.criterionId === "authority")?.text).toMatch(/Ask the buyer to confirm it on a recap/);
  });

  it("names the stage whose evidence is in place when it pursues", () => {
    expect(staged("proposal", goodBant()).reasons[0]?.text).toBe(
      "Fit 100/100 meets the 60 threshold, no must-have came back negative and the evidence a deal in Proposal needs is in place",
    );
  });

  it("reads stored verdicts back, an unknown one as pursue", () => {
    expect(VERDICT_KINDS.map(asVerdictKind)).toEqual(["pursue", "unproven", "nurture", "disqualify"]);
    expect(asVerdictKind("maybe")).toBe("pursue");
  });
});
