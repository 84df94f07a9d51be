import { describe, expect, it } from "vitest";
import { canAdvance } from "./advance";
import { addDays } from "./dates";
import { computeFit } from "./fit";
import { FRAMEWORKS } from "./frameworks";
import type { EvidenceBasis, OpportunitySnapshot } from "./model";
import { pipelineFor } from "./pipeline";
import { NOW, account, daysAgo, evidence, meddpiccOpportunity, SAAS_ICP } from "./testing/fixtures";

const framework = FRAMEWORKS.meddpicc;
const pipeline = pipelineFor(framework);
const fit = computeFit(account(), SAAS_ICP);
const move = (toStageId: string, opp: Partial<OpportunitySnapshot>, verdict?: "pursue" | "nurture" | "disqualify") =>
  canAdvance({ pipeline, framework, opportunity: meddpiccOpportunity(opp), fit, now: NOW, toStageId, ...(verdict && { verdict }) });
const codes = (r: ReturnType<typeof move>) => r.blockers.map((b) => `${b.stageId}:${b.code}${b.criterionId ? `:${b.criterionId}` : ""}`);

describe("reopening a lost deal", () => {
  const lost = (from: string | null): Partial<OpportunitySnapshot> => ({
    stageId: "closed_lost",
    status: "lost",
    lostFromStageId: from,
    criteria: [],
    stakeholders: [],
  });
  const table: Array<[string | null, string, boolean, string[]]> = [
    ["prospecting", "prospecting", true, []],
    ["prospecting", "negotiation", false, ["prospecting", "discovery", "solution", "proposal"]],
    ["proposal", "solution", true, []],
    ["proposal", "proposal", true, []],
    ["proposal", "negotiation", false, ["proposal"]],
    [null, "proposal", false, ["prospecting", "discovery", "solution"]],
    [null, "prospecting", true, []],
    ["closed_won", "proposal", false, ["prospecting", "discovery", "solution"]],
  ];
  it.each(table)("lost from %s, reopened to %s: allowed=%s, crosses %j", (from, to, allowed, gates) => {
    const r = move(to, lost(from));
    expect(r.gatesCrossed).toEqual(gates);
    expect(r.allowed).toBe(allowed);
  });

  it("names what blocks a reopen that skips stages", () => {
    const r = move("negotiation", lost("prospecting"));
    expect(codes(r)).toContain("solution:stakeholder_missing");
    expect(r.direction).toBe("forward");
  });
});

describe("a 'not yet' deal", () => {
  it("cannot move forward, even with every gate met", () => {
    const r = move("negotiation", {}, "nurture");
    expect(r.allowed).toBe(false);
    expect(codes(r)).toEqual(["proposal:deal_not_yet"]);
    expect(r.blockers[0]?.message).toMatch(/not yet/);
  });

  it("can move back or be lost, and a pursued deal is not held", () => {
    expect(move("solution", {}, "nurture").allowed).toBe(true);
    expect(move("closed_lost", {}, "nurture").allowed).toBe(true);
    expect(move("negotiation", {}, "pursue").allowed).toBe(true);
  });

  it("moves forward under an active manager override of its gate, which lists the hold as overridden", () => {
    const r = move(
      "negotiation",
      { overrides: [{ stageId: "proposal", by: "maria", reason: "Board sponsor", createdAt: daysAgo(1), expiresAt: addDays(NOW, 5) }] },
      "nurture",
    );
    expect(r.allowed).toBe(true);
    expect(r.overridden.map((b) => b.code)).toEqual(["deal_not_yet"]);
  });
});

describe("gates that require a basis", () => {
  const withEb = (basis: EvidenceBasis | undefined): Partial<OpportunitySnapshot> => {
    const eb = evidence("economic_buyer", "verified", 12);
    const item = eb.evidence[0]!;
    return {
      criteria: [...meddpiccOpportunity().criteria.filter((c) => c.criterionId !== "economic_buyer"), { ...eb, evidence: [{ ...item, basis }] }],
    };
  };
  const table: Array<[EvidenceBasis | undefined, boolean]> = [
    [undefined, false],
    ["self_attested", false],
    ["contact_statement", false],
    ["document", false],
    ["buyer_confirmed", true],
    ["manager_reviewed", true],
  ];
  it.each(table)("economic buyer verified with basis %s leaves Proposal: %s", (basis, allowed) => {
    const r = move("negotiation", withEb(basis));
    expect(r.allowed).toBe(allowed);
    if (!allowed) {
      expect(codes(r)).toEqual(["proposal:criterion_basis_weak:economic_buyer"]);
      expect(r.blockers[0]?.message).toMatch(
        /^Economic buyer (rests on the deal owner's word alone|is backed only by the rep's record).*confirmed by the buyer or reviewed by a manager to leave Proposal$/,
      );
    }
  });

  it("a challenged confirmation no longer counts", () => {
    const eb = evidence("economic_buyer", "verified", 12);
    const criteria = [
      ...meddpiccOpportunity().criteria.filter((c) => c.criterionId !== "economic_buyer"),
      { ...eb, evidence: [{ ...eb.evidence[0]!, challenged: true }] },
    ];
    expect(codes(move("negotiation", { criteria }))).toEqual(["proposal:criterion_basis_weak:economic_buyer"]);
  });
});
