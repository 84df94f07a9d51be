import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkGate } from "./gates";
import type { Pipeline, StageDefinition } from "./model";
import { pipelineFor } from "./pipeline";
import { planStageMigration, settleDeal } from "./stage-migration";
import { frameworkArb, opportunityArb } from "./testing/arbitraries";
import { NOW } from "./testing/fixtures";

const open = (id: string): StageDefinition => ({ id, label: id, probability: 0.1, kind: "open", exit: [] });
const closed: StageDefinition[] = [
  { id: "won", label: "Won", probability: 1, kind: "won", exit: [] },
  { id: "lost", label: "Lost", probability: 0, kind: "lost", exit: [] },
];

/** A pipeline, an edit of it (stages removed, added, reordered), a deal in one of its open stages and which gates pass. */
const editArb = fc.uniqueArray(fc.constantFrom("s1", "s2", "s3", "s4", "s5", "s6"), { minLength: 1, maxLength: 6 }).chain((oldIds) =>
  fc.record({
    oldIds: fc.constant(oldIds),
    newIds: fc
      .uniqueArray(fc.constantFrom(...oldIds, "n1", "n2", "n3"), { minLength: 1, maxLength: 8 })
      .chain((ids) => fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length })),
    dealAt: fc.constantFrom(...oldIds),
    passing: fc.dictionary(fc.constantFrom<string>("s1", "s2", "s3", "s4", "s5", "s6", "n1", "n2", "n3"), fc.boolean()),
    destIndex: fc.nat(),
  }),
);

describe("a stage edit never lets a deal past a gate it did not pass", () => {
  it("every open stage behind the settled deal was behind it before, or was re-checked and passes", () => {
    fc.assert(
      fc.property(editArb, ({ oldIds, newIds, dealAt, passing, destIndex }) => {
        const before: Pipeline = { stages: [...oldIds.map(open), ...closed] };
        const after: Pipeline = { stages: [...newIds.map(open), ...closed] };
        const kept = (newIds as string[]).includes(dealAt);
        const to = kept ? dealAt : newIds[destIndex % newIds.length]!;
        const plan = planStageMigration(before, after, { [dealAt]: 1 }, kept ? {} : { [dealAt]: to });
        expect(plan.issues).toEqual([]);

        const checked: string[] = [];
        const passes = (id: string) => passing[id] ?? false;
        const settled = settleDeal(before, after, dealAt, to, (s) => (checked.push(s.id), passes(s.id) ? [] : ["blocked"]));

        const passedBefore = new Set<string>(oldIds.slice(0, oldIds.indexOf(dealAt)));
        const behindNow: string[] = newIds.slice(0, (newIds as string[]).indexOf(settled.stageId));
        for (const id of behindNow) expect(passedBefore.has(id) || (checked.includes(id) && passes(id))).toBe(true);
        expect(settled.held === null).toBe(settled.stageId === to);
        if (settled.held) expect(passes(settled.held.stageId)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it("with the engine's own gates: a deal the edit puts past a gate either passed it before or passes checkGate now", () => {
    const caseArb = frameworkArb.chain((framework) => {
      const before = pipelineFor(framework);
      const openIds = before.stages.filter((s) => s.kind === "open").map((s) => s.id);
      return fc.record({
        framework: fc.constant(framework),
        before: fc.constant(before),
        // The edit: open stages removed and reordered (their gates kept with them), closed stages as they were.
        keptOpen: fc
          .shuffledSubarray(openIds, { minLength: 1 })
          .chain((ids) => fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length })),
        dealAt: fc.constantFrom(...openIds),
        deal: opportunityArb(framework, before),
        destIndex: fc.nat(),
      });
    });
    fc.assert(
      fc.property(caseArb, ({ framework, before, keptOpen, dealAt, deal, destIndex }) => {
        const byId = new Map(before.stages.map((s) => [s.id, s]));
        const after: Pipeline = { stages: [...keptOpen.map((id) => byId.get(id)!), ...before.stages.filter((s) => s.kind !== "open")] };
        const to = keptOpen.includes(dealAt) ? dealAt : keptOpen[destIndex % keptOpen.length]!;
        const opportunity = { ...deal, stageId: dealAt, status: "open" as const, overrides: [] };
        const gate = (stage: StageDefinition) => checkGate(stage, { framework, opportunity, fit: null, now: NOW });
        const settled = settleDeal(before, after, dealAt, to, gate);

        const passedBefore = new Set(
          before.stages
            .slice(
              0,
              before.stages.findIndex((s) => s.id === dealAt),
            )
            .map((s) => s.id),
        );
        const behindNow = after.stages.slice(
          0,
          after.stages.findIndex((s) => s.id === settled.stageId),
        );
        for (const stage of behindNow) expect(passedBefore.has(stage.id) || gate(stage).length === 0).toBe(true);
        if (settled.held) expect(gate(after.stages.find((s) => s.id === settled.held!.stageId)!).length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
