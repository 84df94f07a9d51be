import type { Pipeline } from "@/lib/qualification";
import type { SavePipelineInput } from "@/lib/validation/settings";
import type { StageDraft } from "./stage-row";

/** The pipeline editor's draft: probabilities as typed, gates as edited. */
export interface Draft {
  stages: StageDraft[];
}

/** Percent without float noise: 0.35 shows as 35, 0.125 as 12.5. */
const toPercent = (p: number) => String(Math.round(p * 1000) / 10);

export const toDraft = (pipeline: Pipeline): Draft => ({
  stages: pipeline.stages.map((s) => ({ id: s.id, label: s.label, probability: toPercent(s.probability), kind: s.kind, exit: s.exit })),
});

/** A blank probability must fail as "a number", not pass as 0. */
const toNumber = (raw: string) => (raw.trim() === "" ? Number.NaN : Number(raw.trim()));

export const toInput = (draft: Draft, pipelineId: string): SavePipelineInput => ({
  pipelineId,
  stages: draft.stages.map((s) => ({ id: s.id, label: s.label, probability: toNumber(s.probability), exit: s.exit })),
});
