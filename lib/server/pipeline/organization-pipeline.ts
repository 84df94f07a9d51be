import "server-only";
import type { Tx } from "../db";

export interface PipelineView {
  stages: Array<{ id: string; label: string; probability: number; kind: "open" | "won" | "lost" }>;
}

const FOUNDATION_PIPELINE: PipelineView = {
  stages: [
    { id: "prospecting", label: "Prospecting", probability: 0.05, kind: "open" },
    { id: "discovery", label: "Discovery", probability: 0.1, kind: "open" },
    { id: "solution", label: "Solution", probability: 0.25, kind: "open" },
    { id: "proposal", label: "Proposal", probability: 0.5, kind: "open" },
    { id: "negotiation", label: "Negotiation", probability: 0.75, kind: "open" },
    { id: "closed_won", label: "Closed won", probability: 1, kind: "won" },
    { id: "closed_lost", label: "Closed lost", probability: 0, kind: "lost" },
  ],
};

/** The organization's pipeline. Until pipelines are configurable this is the default for everyone. */
export async function getOrganizationPipeline(_organizationId: string): Promise<PipelineView> {
  return Promise.resolve(FOUNDATION_PIPELINE);
}

/** Where new opportunities start. */
export async function firstStageId(_tx: Tx, organizationId: string): Promise<string> {
  const pipeline = await getOrganizationPipeline(organizationId);
  return pipeline.stages[0]?.id ?? "prospecting";
}
