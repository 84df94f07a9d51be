import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canAdvance } from "./advance";
import { criterionStatus, findEvidence, meets } from "./evidence";
import { computeFit } from "./fit";
import type { Framework } from "./model";
import { pipelineFor } from "./pipeline";
import { accountArb, frameworkArb, opportunityArb } from "./testing/arbitraries";
import { NOW, SAAS_ICP } from "./testing/fixtures";

const caseArb = frameworkArb.chain((framework: Framework) => {
  const pipeline = pipelineFor(framework);
  return fc.record({
    framework: fc.constant(framework),
    pipeline: fc.constant(pipeline),
    opp: fc.constantFrom("any" as const, "qualified" as const).chain((bias) => opportunityArb(framework, pipeline, bias)),
    account: fc.option(accountArb, { nil: null }),
    to: fc.constantFrom(...pipeline.stages.map((s) => s.id)),
  });
});

describe("canAdvance properties", () => {
  it("if a move is allowed, every required criterion of every gate crossed is satisfied or overridden", () => {
    fc.assert(
      fc.property(caseArb, ({ framework, pipeline, opp, account, to }) => {
        const fit = account === null ? null : computeFit(account, SAAS_ICP);
        const r = canAdvance({ pipeline, framework, opportunity: opp, fit, now: NOW, toStageId: to });
        expect(r.allowed).toBe(r.blockers.length === 0);
        if (!r.allowed) return;
        for (const stageId of r.gatesCrossed) {
          const stage = pipeline.stages.find((s) => s.id === stageId);
          const overridden = opp.overrides.some((o) => o.stageId === stageId && o.createdAt <= NOW && NOW < o.expiresAt);
          for (const req of stage?.exit ?? []) {
            if (req.kind !== "criterion") continue;
            const def = framework.criteria.find((c) => c.id === req.criterionId);
            const ok = def !== undefined && meets(criterionStatus(def, findEvidence(opp, def.id), NOW), req.atLeast);
            expect(ok || overridden).toBe(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("always allows moving backward or to a lost stage", () => {
    fc.assert(
      fc.property(caseArb, ({ framework, pipeline, opp, to }) => {
        const r = canAdvance({ pipeline, framework, opportunity: opp, fit: null, now: NOW, toStageId: to });
        const target = pipeline.stages.find((s) => s.id === to);
        if (r.direction === "backward" || target?.kind === "lost") expect(r.allowed).toBe(true);
      }),
    );
  });
});
