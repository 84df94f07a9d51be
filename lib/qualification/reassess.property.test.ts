import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessOpportunity, type AssessInput, type Assessment } from "./assess";
import { DAY_MS, liveDays, renderDayCounts, storedDays } from "./dates";
import type { Framework } from "./model";
import { pipelineFor } from "./pipeline";
import { readableContent } from "./reassess";
import { DEFAULT_THRESHOLDS, type RequalificationThresholds } from "./requalify";
import { accountArb, dateArb, frameworkArb, icpArb, opportunityArb } from "./testing/arbitraries";

const thresholdsArb: fc.Arbitrary<RequalificationThresholds> = fc.oneof(
  fc.constant(DEFAULT_THRESHOLDS),
  fc.record({
    staleDealDays: fc.integer({ min: 0, max: 60 }),
    silentChampionDays: fc.integer({ min: 0, max: 40 }),
    newStakeholderGraceDays: fc.integer({ min: 0, max: 20 }),
    lateStageProbability: fc.constantFrom(0.2, 0.5, 0.8),
    closeDateSlipCriticalDays: fc.integer({ min: 0, max: 60 }),
    criticalMultiplier: fc.constantFrom(1, 1.5, 2, 3),
  }),
);

/** Any deal, assessed at any instant (not only whole days after the fixtures' dates). */
const caseArb = frameworkArb.chain((framework: Framework) => {
  const pipeline = pipelineFor(framework);
  return fc.record({
    framework: fc.constant(framework),
    pipeline: fc.constant(pipeline),
    opportunity: fc.constantFrom("any" as const, "qualified" as const).chain((bias) => opportunityArb(framework, pipeline, bias)),
    account: accountArb,
    icp: icpArb,
    thresholds: thresholdsArb,
    now: fc.tuple(dateArb, fc.integer({ min: 0, max: DAY_MS - 1 })).map(([d, ms]) => new Date(d.getTime() + ms)),
  });
});

const stored = (input: AssessInput, now: Date) => assessOpportunity({ ...input, now, dayText: storedDays });
const content = (a: Assessment) => JSON.stringify(readableContent(a));

/** An instant in [now, until): the last millisecond before it, or anywhere in between. */
const laterArb = fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }));

describe("reassessAt", () => {
  it("promises what is stored and read of an assessment holds until then, whatever the deal and the time", () => {
    fc.assert(
      fc.property(caseArb, laterArb, (input, share) => {
        const first = stored(input, input.now);
        const at = first.reassessAt;
        if (at !== null) expect(at.getTime()).toBeGreaterThan(input.now.getTime());
        // Without a next instant, nothing may change for a long time: look up to two years ahead.
        const until = at?.getTime() ?? input.now.getTime() + 730 * DAY_MS;
        const t = share === 1 ? until - 1 : input.now.getTime() + Math.floor(share * (until - input.now.getTime()));
        expect(content(stored(input, new Date(t)))).toBe(content(first));
      }),
      { numRuns: 1500 },
    );
  });

  it("reads as the live assessment says it, once its stored texts are rendered at the same instant", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 120 * DAY_MS }), (input, later) => {
        const t = new Date(input.now.getTime() + later);
        const rendered = JSON.stringify(readableContent(stored(input, input.now)), (_key, v: unknown) =>
          typeof v === "string" ? renderDayCounts(v, t) : v,
        );
        // The stored row written at `now`, read at `t` before its reassessAt, says what a live look at `t` says.
        const first = stored(input, input.now);
        if (first.reassessAt === null || t.getTime() < first.reassessAt.getTime()) {
          expect(rendered).toBe(content(assessOpportunity({ ...input, now: t, dayText: liveDays })));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("is the instant the first threshold is crossed, and something changes there", () => {
    const base = fc.sample(caseArb, { numRuns: 1, seed: 7 })[0]!;
    const now = new Date(Date.UTC(2026, 0, 30, 12));
    const lastActivityAt = new Date(now.getTime() - 21 * DAY_MS);
    const input: AssessInput = {
      ...base,
      thresholds: DEFAULT_THRESHOLDS,
      now,
      opportunity: {
        ...base.opportunity,
        status: "open",
        stageId: base.pipeline.stages[0]!.id,
        createdAt: lastActivityAt,
        lastActivityAt,
        expectedCloseDate: null,
        criteria: [],
        stakeholders: [],
        overrides: [],
      },
    };
    const first = stored(input, now);
    // No activity for 21 days: the stale-deal flag (threshold 21) comes on the 22nd day.
    expect(first.reassessAt).toEqual(new Date(lastActivityAt.getTime() + 22 * DAY_MS));
    expect(first.flags.map((f) => f.kind)).not.toContain("stale_deal");
    const then = stored(input, first.reassessAt!);
    expect(then.flags.map((f) => f.kind)).toContain("stale_deal");
    expect(content(then)).not.toBe(content(first));
    // Critical past 42 days (21 × 2), the next instant.
    expect(then.reassessAt).toEqual(new Date(lastActivityAt.getTime() + 43 * DAY_MS));
  });

  it("keeps a flagged deal's stored texts the same from day to day, and renders the day count on read", () => {
    const base = fc.sample(caseArb, { numRuns: 1, seed: 11 })[0]!;
    const now = new Date(Date.UTC(2026, 0, 30, 12));
    const lastActivityAt = new Date(now.getTime() - 25 * DAY_MS);
    const opportunity = {
      ...base.opportunity,
      status: "open" as const,
      stageId: base.pipeline.stages[0]!.id,
      lastActivityAt,
      createdAt: lastActivityAt,
    };
    const input: AssessInput = { ...base, thresholds: DEFAULT_THRESHOLDS, now, opportunity };
    const flagText = (a: Assessment) => a.flags.find((f) => f.kind === "stale_deal")?.text;
    const today = flagText(stored(input, now));
    expect(today).toBe(flagText(stored(input, new Date(now.getTime() + DAY_MS))));
    expect(renderDayCounts(today!, now)).toBe(flagText(assessOpportunity(input)));
    expect(renderDayCounts(today!, now)).toMatch(/^No activity for 25 days/);
  });
});
