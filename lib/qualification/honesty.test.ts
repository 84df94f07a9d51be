import { describe, expect, it } from "vitest";
import { calibrationBins, forecastHonesty, predicted, quarterOf, scorePredictor, type ClosedForecast } from "./honesty";

const deal = (o: Partial<ClosedForecast> = {}): ClosedForecast => ({
  id: "d",
  ownerId: "rep",
  closedOn: new Date("2026-05-10T00:00:00Z"),
  amount: 100_000,
  won: true,
  stageProbability: 0.5,
  repConfidence: 80,
  intentScore: 50,
  ...o,
});

describe("what each predictor said", () => {
  it.each([
    ["stage", deal(), 0.5],
    ["rep", deal(), 0.8],
    ["rep", deal({ repConfidence: null }), null],
    ["adjusted", deal({ intentScore: 20 }), 0.25], // low band ×0.5
    ["adjusted", deal({ intentScore: 50 }), 0.45], // medium ×0.9
    ["adjusted", deal({ intentScore: 90, stageProbability: 0.95 }), 1], // high ×1.1, capped
    ["stage", deal({ stageProbability: 1.4 }), 1],
  ] as const)("%s of %o is %s", (predictor, d, expected) => {
    const p = predicted(d, predictor);
    if (expected === null) expect(p).toBeNull();
    else expect(p).toBeCloseTo(expected);
  });
});

describe("scoring a predictor", () => {
  const deals = [
    deal({ id: "a", won: true, amount: 100, stageProbability: 0.8 }),
    deal({ id: "b", won: false, amount: 300, stageProbability: 0.6 }),
    deal({ id: "c", won: false, amount: 100, stageProbability: 0.2, repConfidence: null }),
  ];

  it("gives amount error, bias, mean absolute error and Brier score", () => {
    const s = scorePredictor(deals, "stage");
    expect(s.deals).toBe(3);
    expect(s.predictedAmount).toBeCloseTo(80 + 180 + 20);
    expect(s.wonAmount).toBe(100);
    expect(s.amountError).toBeCloseTo(180);
    expect(s.bias).toBeCloseTo((0.8 + 0.6 + 0.2 - 1) / 3);
    expect(s.meanAbsoluteError).toBeCloseTo((0.2 + 0.6 + 0.2) / 3);
    expect(s.brier).toBeCloseTo((0.04 + 0.36 + 0.04) / 3);
  });

  it("leaves out deals the predictor said nothing about", () => {
    const s = scorePredictor(deals, "rep");
    expect(s.deals).toBe(2);
    expect(s.brier).toBeCloseTo((0.04 + 0.64) / 2);
  });

  it("has no figures with no deals", () => {
    expect(scorePredictor([], "adjusted")).toEqual({
      deals: 0,
      forecasts: 0,
      predictedAmount: 0,
      wonAmount: 0,
      amountError: 0,
      bias: null,
      meanAbsoluteError: null,
      brier: null,
    });
  });

  it("judges every forecast of a deal but counts its money once", () => {
    const twice = [
      deal({ id: "x", weight: 0.5, stageProbability: 0.2, won: true, amount: 1000 }),
      deal({ id: "x", weight: 0.5, stageProbability: 0.6, won: true, amount: 1000 }),
    ];
    const s = scorePredictor(twice, "stage");
    expect(s).toMatchObject({ deals: 1, forecasts: 2, wonAmount: 1000 });
    expect(s.predictedAmount).toBeCloseTo(400);
    expect(s.brier).toBeCloseTo((0.64 + 0.16) / 2);
    expect(forecastHonesty(twice)).toMatchObject({ deals: 1, forecasts: 2, won: 1 });
  });

  it("scores a perfect predictor 0 and a coin flip 0.25", () => {
    expect(scorePredictor([deal({ stageProbability: 1, won: true }), deal({ stageProbability: 0, won: false })], "stage").brier).toBe(0);
    expect(scorePredictor([deal({ stageProbability: 0.5, won: true }), deal({ stageProbability: 0.5, won: false })], "stage").brier).toBe(0.25);
  });
});

describe("calibration bins", () => {
  it("puts each probability in its band, 100% in the last, with the share won", () => {
    const bins = calibrationBins(
      [
        deal({ stageProbability: 0.1, won: false }),
        deal({ stageProbability: 0.15, won: true }),
        deal({ stageProbability: 0.5, won: true }),
        deal({ stageProbability: 1, won: true }),
      ],
      "stage",
    );
    expect(bins.map((b) => b.deals)).toEqual([2, 0, 1, 0, 1]);
    expect(bins[0]).toMatchObject({ from: 0, to: 0.2, winRate: 0.5 });
    expect(bins[0]?.meanPredicted).toBeCloseTo(0.125);
    expect(bins[1]).toMatchObject({ meanPredicted: null, winRate: null });
    expect(bins[4]).toMatchObject({ winRate: 1, meanPredicted: 1 });
  });
});

describe("the honesty report", () => {
  it("groups by quarter of closing and by owner, counts its deals and names the lowest Brier score", () => {
    const r = forecastHonesty([
      deal({
        id: "1",
        closedOn: new Date("2026-03-31T23:00:00Z"),
        ownerId: "ann",
        won: false,
        stageProbability: 0.6,
        repConfidence: 90,
        intentScore: 20,
      }),
      deal({
        id: "2",
        closedOn: new Date("2026-04-01T00:00:00Z"),
        ownerId: "bob",
        won: true,
        stageProbability: 0.6,
        repConfidence: null,
        intentScore: 80,
      }),
      deal({
        id: "3",
        closedOn: new Date("2026-05-01T00:00:00Z"),
        ownerId: "ann",
        won: false,
        stageProbability: 0.4,
        repConfidence: 70,
        intentScore: 30,
      }),
    ]);
    expect(r).toMatchObject({ deals: 3, won: 1, withRepConfidence: 2, mostHonest: "adjusted" });
    expect(r.byQuarter.map((g) => [g.key, g.won, g.lost])).toEqual([
      ["2026-Q1", 0, 1],
      ["2026-Q2", 1, 1],
    ]);
    expect(r.byOwner.map((g) => [g.key, g.scores.rep.deals])).toEqual([
      ["ann", 2],
      ["bob", 0],
    ]);
    // adjusted: 0.3, 0.66, 0.2 against 0, 1, 0
    expect(r.overall.adjusted.brier).toBeCloseTo((0.09 + 0.34 ** 2 + 0.04) / 3);
    expect(r.overall.rep.bias).toBeCloseTo(0.8);
    expect(r.calibration.rep.reduce((n, b) => n + b.deals, 0)).toBe(2);
  });

  it("is empty but well-formed with no closed deals", () => {
    const r = forecastHonesty([]);
    expect(r).toMatchObject({ deals: 0, won: 0, mostHonest: null, byQuarter: [], byOwner: [] });
    expect(r.calibration.stage).toHaveLength(5);
  });

  it.each([
    ["2026-01-01T00:00:00Z", "2026-Q1"],
    ["2026-06-30T23:59:59Z", "2026-Q2"],
    ["2026-07-01T00:00:00Z", "2026-Q3"],
    ["2026-12-31T12:00:00Z", "2026-Q4"],
  ])("puts %s in %s", (iso, q) => {
    expect(quarterOf(new Date(iso))).toBe(q);
  });
});
