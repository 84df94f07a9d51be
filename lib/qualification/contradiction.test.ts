import { describe, expect, it } from "vitest";
import { findContradiction } from "./contradiction";
import { FRAMEWORKS } from "./frameworks";
import type { EvidenceState } from "./model";

const criterion = (id: string) => FRAMEWORKS.meddpicc.criteria.find((c) => c.id === id)!;

describe("findContradiction", () => {
  const table: Array<[string, EvidenceState, string, string | null]> = [
    ["economic_buyer", "verified", "The economic buyer has NOT seen pricing yet", "not … pricing"],
    ["economic_buyer", "claimed", "CFO hasn't approved the spend", "hasnt … approved"],
    ["economic_buyer", "verified", "CFO Dana owns the analytics budget", null],
    ["economic_buyer", "negative", "The CFO has not seen pricing", null],
    ["economic_buyer", "unknown", "The CFO has not seen pricing", null],
    ["paper_process", "verified", "Legal review not started", "not … legal"],
    ["paper_process", "verified", "Paper process fine.", null],
    ["champion", "verified", "Nobody is pushing this internally", "nobody … pushing"],
    ["metrics", "verified", "No pricing discussed, but the metrics are clear", null],
    ["economic_buyer", "verified", "No. We met the team last week and everyone was happy; then they discussed the budget", null],
  ];
  it.each(table)("%s %s: %j", (id, state, excerpt, expected) => {
    const found = findContradiction(criterion(id), state, excerpt);
    expect(found ? `${found.negation} … ${found.term}` : null).toBe(expected);
  });

  it("explains the flag in words", () => {
    expect(findContradiction(criterion("economic_buyer"), "verified", "has not seen pricing")?.text).toBe(
      'The evidence says "not … pricing" but Economic buyer is marked verified: review it',
    );
  });

  it("uses a criterion's own key terms when it lists them", () => {
    const custom = { ...criterion("metrics"), keyTerms: ["payback"] };
    expect(findContradiction(custom, "claimed", "no payback model yet")?.term).toBe("payback");
  });
});
