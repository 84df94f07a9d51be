import { describe, expect, it } from "vitest";
import { computeFit } from "./fit";
import { FRAMEWORKS } from "./frameworks";
import type { OpportunitySnapshot } from "./model";
import { pipelineFor } from "./pipeline";
import { nextQuestions, type NextQuestionsInput } from "./questions";
import { NOW, account, evidence, meddpiccOpportunity, SAAS_ICP } from "./testing/fixtures";
import { customFramework } from "./validate";

const framework = FRAMEWORKS.meddpicc;
const pipeline = pipelineFor(framework);

function ask(opp: Partial<OpportunitySnapshot>, extra: Partial<NextQuestionsInput> = {}) {
  return nextQuestions({ framework, pipeline, opportunity: meddpiccOpportunity(opp), now: NOW, ...extra });
}

const withCriterion = (id: string, state: "claimed" | "verified" | "negative", age: number) =>
  meddpiccOpportunity().criteria.map((c) => (c.criterionId === id ? evidence(id, state, age) : c));

describe("nextQuestions", () => {
  it("asks first what blocks the next stage, then the heaviest gaps", () => {
    const qs = ask({ stageId: "discovery", criteria: [] });
    expect(qs.map((q) => q.criterionId)).toEqual(["identify_pain", "metrics", "economic_buyer", "champion", "decision_criteria"]);
    expect(qs.map((q) => q.priority)).toEqual([1, 2, 3, 4, 5]);
    expect(qs[0]).toMatchObject({
      blocking: true,
      level: "opportunity",
      label: "Identify pain",
      question: "What business problem makes this worth solving now?",
      followUps: ["What happens if nothing changes?", "Who feels the pain most?"],
      reason: "Needed to leave Discovery: Unknown: no evidence yet",
    });
    expect(qs[1]).toMatchObject({ blocking: false, reason: "Gap in qualification: Unknown: no evidence yet" });
  });

  it("asks to re-confirm stale evidence the gate needs before anything else", () => {
    const qs = ask({ criteria: withCriterion("competition", "claimed", 100) });
    expect(qs[0]).toMatchObject({ criterionId: "competition", blocking: true });
    expect(qs[0]?.reason).toMatch(/^Needed to leave Proposal: Claimed, not verified but stale/);
  });

  it("then suggests confirming claims, in framework order among equal weights", () => {
    expect(ask({}).map((q) => [q.criterionId, q.reason.split(":")[0]])).toEqual([
      ["decision_process", "Worth confirming"],
      ["paper_process", "Worth confirming"],
      ["competition", "Worth confirming"],
    ]);
  });

  it("does not re-ask a fresh 'no', but re-asks an old one, and a 'no' never counts as blocking", () => {
    expect(ask({ criteria: withCriterion("metrics", "negative", 5) }).some((q) => q.criterionId === "metrics")).toBe(false);
    const old = ask({ criteria: withCriterion("metrics", "negative", 200) }, { limit: 10 });
    const metrics = old.find((q) => q.criterionId === "metrics");
    expect(metrics?.blocking).toBe(false);
    expect(metrics?.reason).toMatch(/^Worth confirming: Negative/);
  });

  it("asks for missing account data, first when fit blocks the gate", () => {
    const fit = computeFit(account({ industry: null, employeeCount: null, techStack: [] }), SAAS_ICP);
    const blocked = ask({ stageId: "prospecting", criteria: [] }, { fit, limit: 3 });
    expect(blocked.map((q) => [q.criterionId, q.level, q.blocking])).toEqual([
      ["industry", "organization", true],
      ["size", "organization", true],
      ["crm", "organization", true],
    ]);
    expect(blocked[1]?.question).toBe("How many employees does the company have?");
    expect(blocked[0]?.reason).toBe("Unknown ICP data while fit blocks the next stage: Industry unknown: add it to the account");
    const later = ask({}, { fit, limit: 10 });
    expect(later.map((q) => q.criterionId)).toEqual([
      "decision_process",
      "paper_process",
      "competition",
      "industry",
      "size",
      "crm",
      "no_competitor",
      "stack",
    ]);
    expect(later[3]?.blocking).toBe(false);
  });

  it("has no gate to unblock on a closed deal, and honours the limit", () => {
    expect(ask({ stageId: "closed_won", criteria: [] }, { limit: 2 }).every((q) => !q.blocking)).toBe(true);
    expect(ask({ criteria: [] }, { limit: 0 })).toEqual([]);
  });

  it("phrases a fallback question for a custom criterion without questions", () => {
    const fw = customFramework({ name: "Tiny", criteria: [{ ...FRAMEWORKS.bant.criteria[0]!, questions: ["Budget?"] }] });
    const noQuestions = { ...fw, criteria: [{ ...fw.criteria[0]!, questions: [] }] };
    const qs = nextQuestions({ framework: noQuestions, pipeline, opportunity: meddpiccOpportunity({ stageId: "nowhere" }), now: NOW });
    expect(qs[0]).toMatchObject({ question: "What do we know about budget?", followUps: [] });
  });
});
