import { describe, expect, it } from "vitest";
import { calibrate, qualificationBand, type ClosedDealOutcome } from "./calibrate";
import { DEFAULT_PIPELINE } from "./pipeline";

const deals = (n: number, outcome: "won" | "lost", lastOpenStageId: string, intentScore: number, prefix: string): ClosedDealOutcome[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, outcome, lastOpenStageId, intentScore }));

describe("qualificationBand", () => {
  it.each([
    [0, "low"],
    [39, "low"],
    [40, "medium"],
    [69, "medium"],
    [70, "high"],
    [100, "high"],
  ] as const)("intent %i is %s", (score, band) => {
    expect(qualificationBand(score)).toBe(band);
  });
});

describe("calibrate", () => {
  const outcomes = [
    ...deals(6, "won", "negotiation", 80, "w"),
    ...deals(4, "lost", "proposal", 75, "lp"),
    ...deals(2, "lost", "discovery", 20, "ld"),
    { id: "bad", outcome: "lost" as const, lastOpenStageId: "nowhere", intentScore: 50 },
    { id: "closed", outcome: "lost" as const, lastOpenStageId: "closed_lost", intentScore: 50 },
  ];
  const cal = calibrate(outcomes, DEFAULT_PIPELINE);
  const cell = (stageId: string, band: string) => cal.cells.find((c) => c.stageId === stageId && c.band === band);

  it("counts, per open stage and band, the deals that reached it and how many were won", () => {
    expect(cal.sampleSize).toBe(12);
    expect(cal.cells).toHaveLength(5 * 3);
    expect(cell("proposal", "high")).toEqual({ stageId: "proposal", band: "high", total: 10, won: 6, winRate: 0.6, trusted: true });
    expect(cell("negotiation", "high")).toMatchObject({ total: 6, won: 6, winRate: 1, trusted: false });
    expect(cell("discovery", "low")).toMatchObject({ total: 2, won: 0, winRate: 0 });
    expect(cell("solution", "low")).toMatchObject({ total: 0, won: 0, winRate: null, trusted: false });
  });

  it("leaves out lost deals whose last stage is not an open stage, and says which", () => {
    expect(cal.skipped).toEqual(["bad", "closed"]);
  });

  it("takes the minimum sample as data", () => {
    const loose = calibrate(outcomes, DEFAULT_PIPELINE, { minSample: 2 });
    expect(loose.minSample).toBe(2);
    expect(loose.cells.find((c) => c.stageId === "negotiation" && c.band === "high")?.trusted).toBe(true);
    expect(calibrate([], DEFAULT_PIPELINE, { minSample: 0 }).cells.every((c) => !c.trusted)).toBe(true);
  });
});
