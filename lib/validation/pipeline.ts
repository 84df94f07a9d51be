import * as z from "zod/mini";
import { TEMPLATE_KEYS } from "./settings";
import { id, int4, pipelineRef, requiredText } from "./fields";
import { gateOverrideFields, overrideBothOrNeither } from "./qualification";

const pipelineName = requiredText("Pipeline name", 60);

/** A new pipeline starts from a framework template (its default stages and gates) or from another pipeline's framework. */
export const createPipelineSchema = z
  .object({
    name: pipelineName,
    frameworkKey: z.optional(z.enum(TEMPLATE_KEYS, { error: "Pick one of the framework templates." })),
    /** Copy this pipeline's framework (a custom one included), stages and gates instead of a template. */
    copyFromPipelineId: pipelineRef,
  })
  .check(
    z.refine((v) => (v.frameworkKey === undefined) !== (v.copyFromPipelineId === undefined), {
      message: "Start from a template or from an existing pipeline.",
      path: ["frameworkKey"],
    }),
  );
export type CreatePipelineInput = z.infer<typeof createPipelineSchema>;

export const renamePipelineSchema = z.object({ pipelineId: id("Pipeline"), name: pipelineName });
export type RenamePipelineInput = z.infer<typeof renamePipelineSchema>;

/** Every pipeline of the organization, in the new order. */
export const reorderPipelinesSchema = z.object({ pipelineIds: z.array(id("Pipeline")).check(z.minLength(1), z.maxLength(50)) });
export type ReorderPipelinesInput = z.infer<typeof reorderPipelinesSchema>;

export const deletePipelineSchema = z.object({ pipelineId: id("Pipeline") });
export type DeletePipelineInput = z.infer<typeof deletePipelineSchema>;

/**
 * A manager moves an open deal to another pipeline, into one of its open stages. The gates before that stage
 * are checked as if the deal advanced there from the new pipeline's first stage; past an unmet one only with an
 * override (reason and expiry), as on any stage move.
 */
export const moveDealPipelineSchema = z
  .object({
    opportunityId: id("Opportunity"),
    version: int4("Version", 1),
    pipelineId: id("Pipeline"),
    toStage: id("Stage"),
    ...gateOverrideFields,
  })
  .check(overrideBothOrNeither);
export type MoveDealPipelineInput = z.infer<typeof moveDealPipelineSchema>;
