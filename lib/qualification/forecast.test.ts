import { describe, expect, it } from "vitest";
import { calibrate, type ClosedDealOutcome } from "./calibrate";
import { FRAMEWORKS } from "./frameworks";
import { forecast, toForecastDeal, type ForecastDeal } from "./forecast";
import { scoreIntent } from "./intent";
import { DEFAULT_PIPELINE } from "./pipeline";
import { NOW, meddpiccOpportunity } from "./testing/fixtures";

const deal = (o: Partial<ForecastDeal> = {}): ForecastDeal => ({
  id: "d",
  stageId: "proposal",
  amount: 100_000,
  stageProbability: 0.6,
  repConfidence: 50,
  intentScore: 80,
  ...o,
});

describe("forecast", () => {
  it("adjusts the stage forecast by the default qualification factor", () => {
    const r = forecast([deal(), deal({ id: "e", intentScore: 20 })], { basis: "stage" });
    expect(r.basis).toBe("stage");
    expect(r.deals[0]).toMatchObject({ band: "high", probability: 0.6, raw: 60_000, factor: 1.1 });
    expect(r.deals[0]?.adjusted).toBeCloseTo(66_000);
    expect(r.deals[0]?.explanation).toBe("stage probability 60%; default: high qualification (intent 80) ×1.1 → 66%");
    expect(r.deals[1]).toMatchObject({ band: "low", raw: 60_000, adjusted: 30_000, factor: 0.5 });
    expect(r.raw).toBe(120_000);
    expect(r.adjusted).toBeCloseTo(96_000);
  });

  it("uses rep confidence as the basis when asked, falling back to the stage when there is none", () => {
    const r = forecast([deal({ intentScore: 50 }), deal({ id: "n", repConfidence: null, intentScore: 50 })], { basis: "rep" });
    expect(r.deals[0]).toMatchObject({ probability: 0.5, raw: 50_000, adjusted: 45_000 });
    expect(r.deals[0]?.explanation).toMatch(/^rep confidence 50%; default: medium/);
    expect(r.deals[1]).toMatchObject({ probability: 0.6, raw: 60_000 });
    expect(r.deals[1]?.explanation).toMatch(/^stage probability 60% \(no rep confidence, stage used\)/);
  });

  it("caps the adjusted probability at 100% and says so", () => {
    const r = forecast([deal({ stageProbability: 0.95, stageId: "negotiation" })], { basis: "stage" });
    expect(r.deals[0]?.adjustedProbability).toBe(1);
    expect(r.deals[0]?.factor).toBeCloseTo(1 / 0.95);
    expect(r.deals[0]?.explanation).toMatch(/capped at 100% → 100%$/);
  });

  it("applies no factor when the basis probability is zero", () => {
    expect(forecast([deal({ stageProbability: 0, repConfidence: 0 })], { basis: "stage" }).deals[0]).toMatchObject({
      raw: 0,
      adjusted: 0,
      factor: 1,
    });
  });

  describe("with calibration", () => {
    const outcomes: ClosedDealOutcome[] = [
      ...Array.from({ length: 3 }, (_, i) => ({ id: `w${i}`, outcome: "won" as const, lastOpenStageId: "negotiation", intentScore: 85 })),
      ...Array.from({ length: 7 }, (_, i) => ({ id: `l${i}`, outcome: "lost" as const, lastOpenStageId: "proposal", intentScore: 85 })),
    ];
    const calibration = calibrate(outcomes, DEFAULT_PIPELINE);

    it("replaces the default factor by the observed win rate for the stage and band", () => {
      const r = forecast([deal()], { basis: "stage", calibration });
      expect(r.deals[0]?.adjustedProbability).toBeCloseTo(0.3);
      expect(r.deals[0]?.factor).toBeCloseTo(0.5);
      expect(r.deals[0]?.explanation).toBe(
        "stage probability 60%; calibrated: 3 of 10 past high-qualified deals at proposal were won (30%) vs the stage's 60%, ×0.50 → 30%",
      );
    });

    it("scales rep confidence by the same observed lift", () => {
      expect(forecast([deal()], { basis: "rep", calibration }).deals[0]?.adjusted).toBeCloseTo(25_000);
    });

    it("falls back to the default factor when the cell is too thin, and says how thin", () => {
      const r = forecast([deal({ intentScore: 50 })], { basis: "stage", calibration });
      expect(r.deals[0]?.factor).toBeCloseTo(0.9);
      expect(r.deals[0]?.explanation).toMatch(/\(calibration has 0 such deals, needs 10\)/);
      const unknownStage = forecast([deal({ stageId: "other" })], { basis: "stage", calibration });
      expect(unknownStage.deals[0]?.factor).toBeCloseTo(1.1);
    });
  });

  it("builds a forecast row from an opportunity and its scorecard", () => {
    const opp = meddpiccOpportunity();
    const intent = scoreIntent(FRAMEWORKS.meddpicc, opp, NOW);
    expect(toForecastDeal(opp, DEFAULT_PIPELINE, intent)).toEqual({
      id: "opp-1",
      stageId: "proposal",
      amount: 48_000,
      stageProbability: 0.6,
      repConfidence: 70,
      intentScore: 85,
    });
    expect(toForecastDeal({ ...opp, stageId: "gone" }, DEFAULT_PIPELINE, intent).stageProbability).toBe(0);
  });
});
