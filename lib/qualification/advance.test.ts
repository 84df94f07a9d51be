import { describe, expect, it } from "vitest";
import { canAdvance, type CanAdvanceInput } from "./advance";
import { addDays } from "./dates";
import { QualificationInputError } from "./errors";
import { computeFit } from "./fit";
import { FRAMEWORKS } from "./frameworks";
import type { GateOverride, OpportunitySnapshot } from "./model";
import { pipelineFor } from "./pipeline";
import { NOW, account, daysAgo, evidence, meddpiccOpportunity, SAAS_ICP } from "./testing/fixtures";

const framework = FRAMEWORKS.meddpicc;
const pipeline = pipelineFor(framework);
const fit = computeFit(account(), SAAS_ICP);

function move(toStageId: string, opp: Partial<OpportunitySnapshot> = {}, extra: Partial<CanAdvanceInput> = {}) {
  return canAdvance({ pipeline, framework, opportunity: meddpiccOpportunity(opp), fit, now: NOW, toStageId, ...extra });
}

const override = (stageId: string, o: Partial<GateOverride> = {}): GateOverride => ({
  stageId,
  by: "maria (manager)",
  reason: "Strategic logo",
  createdAt: daysAgo(1),
  expiresAt: addDays(NOW, 7),
  ...o,
});

describe("canAdvance", () => {
  it("allows the next step when its gate is met", () => {
    const r = move("negotiation");
    expect(r).toMatchObject({
      allowed: true,
      direction: "forward",
      gatesCrossed: ["proposal"],
      blockers: [],
      overridden: [],
      message: "Can move to Negotiation",
    });
  });

  it("treats staying put as allowed with no gates", () => {
    expect(move("proposal")).toMatchObject({ allowed: true, direction: "same", gatesCrossed: [] });
  });

  it("requires every gate in between when skipping stages", () => {
    const r = move("negotiation", { stageId: "discovery", stakeholders: [] });
    expect(r.gatesCrossed).toEqual(["discovery", "solution", "proposal"]);
    expect(r.allowed).toBe(false);
    expect(r.blockers.map((b) => `${b.stageId}:${b.code}:${b.role ?? b.criterionId ?? ""}`)).toEqual([
      "solution:stakeholder_missing:economic_buyer",
      "solution:stakeholder_missing:champion",
      "proposal:stakeholder_missing:economic_buyer",
      "proposal:champion_untested:champion",
    ]);
    expect(r.message).toBe("Cannot move to Negotiation: 4 requirements unmet");
  });

  it("requires all gates of all open stages to close won", () => {
    const r = move("closed_won");
    expect(r.gatesCrossed).toEqual(["prospecting", "discovery", "solution", "proposal", "negotiation"]);
    expect(r.blockers.map((b) => `${b.criterionId}:${b.code}`)).toEqual([
      "decision_process:criterion_not_verified",
      "paper_process:criterion_not_verified",
    ]);
  });

  it("re-checks early gates when closing won (evidence may have gone stale since)", () => {
    const criteria = meddpiccOpportunity().criteria.map((c) => (c.criterionId === "identify_pain" ? evidence("identify_pain", "verified", 400) : c));
    const r = move("closed_won", { stageId: "negotiation", criteria });
    expect(r.blockers.filter((b) => b.code === "criterion_stale").map((b) => b.stageId)).toEqual(["discovery", "solution"]);
  });

  it("always allows moving backward, losing, and reopening where the deal was lost", () => {
    expect(move("discovery", { stakeholders: [], criteria: [] })).toMatchObject({ allowed: true, direction: "backward", gatesCrossed: [] });
    expect(move("closed_lost", { stageId: "prospecting" })).toMatchObject({ allowed: true, direction: "forward", gatesCrossed: [] });
    expect(move("discovery", { stageId: "closed_lost", status: "lost", lostFromStageId: "proposal" })).toMatchObject({
      allowed: true,
      direction: "backward",
    });
    expect(move("negotiation", { stageId: "closed_won", status: "won" })).toMatchObject({ allowed: true, direction: "backward" });
  });

  it("honours an active manager override and reports it, never silently", () => {
    const r = move("closed_won", { stageId: "negotiation", overrides: [override("negotiation")] });
    expect(r.allowed).toBe(true);
    expect(r.blockers).toEqual([]);
    expect(r.overridden.map((b) => b.criterionId)).toEqual(["decision_process", "paper_process"]);
    expect(r.overridden[0]?.override).toEqual({ by: "maria (manager)", reason: "Strategic logo", expiresAt: addDays(NOW, 7) });
    expect(r.message).toBe("Can move to Closed won by manager override (2 requirements unmet but overridden)");
  });

  it("ignores an expired override and says so", () => {
    const r = move("closed_won", { overrides: [override("negotiation", { createdAt: daysAgo(30), expiresAt: daysAgo(2) })] });
    expect(r.allowed).toBe(false);
    expect(r.overridden).toEqual([]);
    expect(r.ignoredOverrides).toHaveLength(1);
    expect(r.ignoredOverrides[0]?.reason).toBe("Override of the negotiation gate by maria (manager) ignored: expired on 2025-05-31");
  });

  it("ignores an override that is not yet in effect, and one that expires exactly now", () => {
    const future = override("negotiation", { createdAt: addDays(NOW, 1) });
    const endsNow = override("negotiation", { expiresAt: NOW });
    const r = move("closed_won", { overrides: [future, endsNow] });
    expect(r.allowed).toBe(false);
    expect(r.ignoredOverrides.map((i) => i.reason)).toEqual([
      "Override of the negotiation gate by maria (manager) ignored: not in effect until 2025-06-03",
      "Override of the negotiation gate by maria (manager) ignored: expired on 2025-06-02",
    ]);
  });

  it("applies an override only to its own gate, and the newest of several", () => {
    const older = override("negotiation", { by: "old", createdAt: daysAgo(5) });
    const newer = override("negotiation", { by: "new", createdAt: daysAgo(1) });
    const r = move("closed_won", { overrides: [override("discovery"), older, newer] });
    expect(r.overridden.every((b) => b.override?.by === "new")).toBe(true);
    const blocked = move("closed_won", { overrides: [override("proposal")] });
    expect(blocked.allowed).toBe(false);
  });

  it("blocks a min-fit gate when the account was never scored", () => {
    const r = move("discovery", { stageId: "prospecting" }, { fit: null });
    expect(r.blockers.map((b) => b.code)).toEqual(["fit_below_min"]);
  });

  it("reuses a passed-in intent score for min-intent gates", () => {
    const intent = { score: 10, criteria: [], coverage: 0, gaps: [], reasons: [] };
    const r = move("closed_won", { stageId: "negotiation", overrides: [] }, { intent });
    expect(r.blockers.some((b) => b.code === "intent_below_min" && b.message.startsWith("Intent 10/100"))).toBe(true);
  });

  it("refuses stage ids that are not in the pipeline", () => {
    expect(() => move("nowhere")).toThrow(QualificationInputError);
    expect(() => move("proposal", { stageId: "nowhere" })).toThrow(/not in the pipeline/);
  });
});
