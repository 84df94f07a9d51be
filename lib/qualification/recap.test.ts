import { describe, expect, it } from "vitest";
import { FRAMEWORKS } from "./frameworks";
import type { EvidenceState } from "./model";
import { answerExcerpt, draftRecapPoints, MAX_RECAP_POINTS, recapStatus, stateFromAnswer, type RecapAnswer } from "./recap";
import { stateAfter } from "./record";

const criteria = FRAMEWORKS.meddpicc.criteria;

describe("draftRecapPoints", () => {
  it("words each known criterion from its latest evidence, in the framework's order, and leaves unknown ones out", () => {
    const points = draftRecapPoints(criteria, [
      { criterionId: "economic_buyer", state: "claimed", latestExcerpt: "Dana, the CFO, signs above $50k" },
      { criterionId: "metrics", state: "verified", latestExcerpt: "  Cut forecast misses by 30%  " },
      { criterionId: "champion", state: "unknown", latestExcerpt: "Maybe Sam" },
      { criterionId: "paper_process", state: "negative", latestExcerpt: null },
    ]);
    expect(points).toEqual([
      { criterionId: "metrics", label: "Metrics", text: "Cut forecast misses by 30%" },
      { criterionId: "economic_buyer", label: "Economic buyer", text: "Dana, the CFO, signs above $50k" },
      { criterionId: "paper_process", label: "Paper process", text: "Paper process: not in place yet." },
    ]);
  });

  it("is empty when nothing is known, and never longer than a phone screen's worth", () => {
    expect(draftRecapPoints(criteria, [])).toEqual([]);
    const many = [...criteria, ...criteria.map((c) => ({ ...c, id: `${c.id}_2` }))];
    const all = many.map((c) => ({ criterionId: c.id, state: "claimed" as const, latestExcerpt: "x" }));
    expect(draftRecapPoints(many, all)).toHaveLength(MAX_RECAP_POINTS);
  });
});

describe("a buyer's answer", () => {
  const point = { criterionId: "metrics", label: "Metrics", text: "Cut forecast misses by 30%" };
  const table: Array<[string, RecapAnswer, EvidenceState, string]> = [
    ["a confirmation verifies the point as sent", { kind: "confirm" }, "verified", "Cut forecast misses by 30%"],
    ["a correction is a claim in the buyer's words", { kind: "correct", text: "More like 15%" }, "claimed", "More like 15%"],
    [
      "'not right: not the case' is a no",
      { kind: "not_right", outcome: "negative", text: "We do not measure this" },
      "negative",
      "We do not measure this",
    ],
    [
      "'not right: not decided' is unknown, quoting the point",
      { kind: "not_right", outcome: "unknown", text: null },
      "unknown",
      'Not right: "Cut forecast misses by 30%"',
    ],
  ];
  it.each(table)("%s", (_, answer, state, excerpt) => {
    expect(stateFromAnswer(answer)).toBe(state);
    expect(answerExcerpt(point, answer)).toBe(excerpt);
  });

  it("replaces a verification, where the seller's own claim would not", () => {
    expect(stateAfter("verified", "claimed")).toBe("verified");
    expect(stateFromAnswer({ kind: "correct", text: "No" })).toBe("claimed");
  });
});

describe("recapStatus", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  const later = new Date("2026-12-10T00:00:00Z");
  const earlier = new Date("2026-12-01T00:00:00Z");
  const table: Array<[string, { revokedAt: Date | null; respondedAt: Date | null; expiresAt: Date }, string]> = [
    ["open until it expires", { revokedAt: null, respondedAt: null, expiresAt: later }, "open"],
    ["expired at the instant of expiry", { revokedAt: null, respondedAt: null, expiresAt: now }, "expired"],
    ["responded stays responded after expiry", { revokedAt: null, respondedAt: earlier, expiresAt: earlier }, "responded"],
    ["revoked wins over everything", { revokedAt: earlier, respondedAt: earlier, expiresAt: later }, "revoked"],
  ];
  it.each(table)("%s", (_, recap, status) => expect(recapStatus(recap, now)).toBe(status));
});
