import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { computeFit } from "./fit";
import { FRAMEWORKS } from "./frameworks";
import type { AccountProfile, IcpDefinition } from "./icp";
import { scoreIntent } from "./intent";
import type { CriterionEvidence, Framework } from "./model";
import type { Flag } from "./requalify";
import { NOW, account, daysAgo, evidence, meddpiccOpportunity, SAAS_ICP } from "./testing/fixtures";
import { customFramework } from "./validate";
import { decideVerdict, type VerdictInput } from "./verdict";

const bant = FRAMEWORKS.bant;
const goodBant = () => [evidence("budget", "verified", 5), evidence("authority", "verified", 5), evidence("need", "verified", 5), evidence("timeline", "claimed", 5)];

function verdictFor(opts: { criteria?: CriterionEvidence[]; acc?: Partial<AccountProfile>; icp?: IcpDefinition; flags?: Flag[]; framework?: Framework; nurtureDays?: number } = {}) {
  const framework = opts.framework ?? bant;
  const icp = opts.icp ?? SAAS_ICP;
  const opportunity = meddpiccOpportunity({ criteria: opts.criteria ?? goodBant() });
  const input: VerdictInput = {
    fit: computeFit(account(opts.acc), icp), intent: scoreIntent(framework, opportunity, NOW), flags: opts.flags,
    opportunity, framework, icp, now: NOW, nurtureDays: opts.nurtureDays,
  };
  return decideVerdict(input);
}

const staleFlag = (severity: "warning" | "critical"): Flag => ({ kind: "stale_deal", severity, daysSinceActivity: 50, text: "No activity for 50 days" });

describe("decideVerdict", () => {
  it("pursues a good-fit deal with no negative must-have", () => {
    const v = verdictFor();
    expect(v.verdict).toBe("pursue");
    expect(v.reasons[0]).toEqual({ code: "pursue", text: "Fit 100/100 meets the 60 threshold and no must-have came back negative" });
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
    const strict = verdictFor({ icp: { ...SAAS_ICP, disqualifyBelow: 40 }, acc: { industry: "Retail", country: "JP", techStack: ["Clari"], fundingStage: "IPO", hiringSignals: ["Designer"] } });
    expect(strict.verdict).toBe("disqualify");
    expect(strict.reasons[0]).toEqual({ code: "fit_too_low", text: "Even if every unknown ICP rule matched, fit would be 35/100, below the 40 floor" });
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
