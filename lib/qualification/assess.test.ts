import { describe, expect, it } from "vitest";
import { assessOpportunity, type AssessInput } from "./assess";
import { FRAMEWORKS } from "./frameworks";
import type { OpportunitySnapshot } from "./model";
import { pipelineFor } from "./pipeline";
import { NOW, account, daysAgo, evidence, meddpiccOpportunity, SAAS_ICP } from "./testing/fixtures";

const framework = FRAMEWORKS.meddpicc;
const pipeline = pipelineFor(framework);

function assess(opp: Partial<OpportunitySnapshot> = {}, extra: Partial<AssessInput> = {}) {
  return assessOpportunity({ pipeline, framework, icp: SAAS_ICP, account: account(), opportunity: meddpiccOpportunity(opp), now: NOW, ...extra });
}

describe("assessOpportunity", () => {
  it("puts fit, intent, verdict, next gate, flags and questions on one scorecard", () => {
    const a = assess();
    expect(a.fit.score).toBe(100);
    expect(a.intent.score).toBe(85);
    expect(a.verdict.verdict).toBe("pursue");
    expect(a.nextGate).toMatchObject({ toStageId: "negotiation", allowed: true, gatesCrossed: ["proposal"] });
    expect(a.flags).toEqual([]);
    expect(a.questions.map((q) => q.criterionId)).toEqual(["decision_process", "paper_process", "competition"]);
  });

  it("targets closed won from the last open stage and explains what blocks it", () => {
    const a = assess({ stageId: "negotiation" }, { questionLimit: 1 });
    expect(a.nextGate?.toStageId).toBe("closed_won");
    expect(a.nextGate?.blockers.map((b) => b.criterionId)).toEqual(["decision_process", "paper_process"]);
    expect(a.questions).toHaveLength(1);
    expect(a.questions[0]).toMatchObject({ criterionId: "decision_process", blocking: true });
  });

  it("feeds critical flags into the verdict", () => {
    const a = assess({ lastActivityAt: daysAgo(60) });
    expect(a.flags[0]).toMatchObject({ kind: "stale_deal", severity: "critical" });
    expect(a.verdict.verdict).toBe("nurture");
    expect(a.verdict.reasons[0]?.code).toBe("deal_stale");
  });

  it("uses the thresholds and nurture period it is given", () => {
    const a = assess(
      { lastActivityAt: daysAgo(60) },
      {
        thresholds: {
          staleDealDays: 20,
          silentChampionDays: 14,
          newStakeholderGraceDays: 7,
          lateStageProbability: 0.5,
          closeDateSlipCriticalDays: 30,
          criticalMultiplier: 5,
        },
        nurtureDays: 14,
      },
    );
    expect(a.flags[0]?.severity).toBe("warning");
    expect(a.verdict.verdict).toBe("pursue");
    const b = assess({ criteria: [evidence("decision_process", "negative", 1)] }, { nurtureDays: 14 });
    expect(b.verdict.verdict).toBe("nurture");
  });

  it("has no next gate for a closed deal", () => {
    expect(assess({ stageId: "closed_won", status: "won" }).nextGate).toBeNull();
    expect(assess({ status: "lost" }).nextGate).toBeNull();
  });
});
