import type { Framework, GateRequirement, Pipeline, StageDefinition } from "./model";

/**
 * The default sales pipeline. Its exits hold only the framework-independent requirements (fit, buying
 * committee); `pipelineFor(framework)` adds each template's criterion requirements from `requiredBy`.
 */
export const DEFAULT_PIPELINE: Pipeline = {
  stages: [
    { id: "prospecting", label: "Prospecting", probability: 0.05, kind: "open", exit: [{ kind: "min_fit", score: 50 }] },
    { id: "discovery", label: "Discovery", probability: 0.15, kind: "open", exit: [] },
    {
      id: "solution",
      label: "Solution",
      probability: 0.35,
      kind: "open",
      exit: [
        { kind: "stakeholder", role: "economic_buyer" },
        { kind: "stakeholder", role: "champion" },
      ],
    },
    {
      id: "proposal",
      label: "Proposal",
      probability: 0.6,
      kind: "open",
      exit: [{ kind: "stakeholder", role: "economic_buyer", engagedWithinDays: 30 }, { kind: "champion_tested" }],
    },
    { id: "negotiation", label: "Negotiation", probability: 0.8, kind: "open", exit: [{ kind: "min_intent", score: 70 }] },
    { id: "closed_won", label: "Closed won", probability: 1, kind: "won", exit: [] },
    { id: "closed_lost", label: "Closed lost", probability: 0, kind: "lost", exit: [] },
  ],
};

/**
 * Criterion requirements a framework asks of each stage exit, from its criteria's `requiredBy`. A criterion
 * required "verified" at the same stage it is required "claimed" yields only the stronger requirement.
 */
export function criterionGates(framework: Framework): Map<string, GateRequirement[]> {
  const byStage = new Map<string, GateRequirement[]>();
  const add = (stageId: string, req: GateRequirement) => {
    const list = byStage.get(stageId) ?? [];
    list.push(req);
    byStage.set(stageId, list);
  };
  for (const c of framework.criteria) {
    const { claimed, verified, basis } = c.requiredBy ?? {};
    if (claimed !== undefined && claimed !== verified) add(claimed, { kind: "criterion", criterionId: c.id, atLeast: "claimed" });
    if (verified !== undefined) add(verified, { kind: "criterion", criterionId: c.id, atLeast: "verified", ...(basis && { basis }) });
  }
  return byStage;
}

/** `base` with each stage's exit extended by the framework's criterion requirements for that stage. */
export function pipelineFor(framework: Framework, base: Pipeline = DEFAULT_PIPELINE): Pipeline {
  const gates = criterionGates(framework);
  return {
    stages: base.stages.map((stage) => ({ ...stage, exit: [...stage.exit, ...(gates.get(stage.id) ?? [])] })),
  };
}

/** Full exit requirements per stage id of DEFAULT_PIPELINE for a framework (committee + fit + its criteria). */
export function defaultGates(framework: Framework): Record<string, GateRequirement[]> {
  const gates: Record<string, GateRequirement[]> = {};
  for (const stage of pipelineFor(framework).stages) gates[stage.id] = stage.exit;
  return gates;
}

export function stageIndex(pipeline: Pipeline, stageId: string): number {
  return pipeline.stages.findIndex((s) => s.id === stageId);
}

export function findStage(pipeline: Pipeline, stageId: string): StageDefinition | undefined {
  return pipeline.stages.find((s) => s.id === stageId);
}

/** The stage a deal moves to on success from `stageId`: the next stage that is not a lost stage. */
export function nextStage(pipeline: Pipeline, stageId: string): StageDefinition | null {
  const i = stageIndex(pipeline, stageId);
  const current = pipeline.stages[i];
  if (!current || current.kind !== "open") return null;
  return pipeline.stages.slice(i + 1).find((s) => s.kind !== "lost") ?? null;
}
