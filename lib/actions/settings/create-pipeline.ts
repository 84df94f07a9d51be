"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { createPipelineSchema } from "../../validation/pipeline";

export const createPipelineAction = authorizedAction
  .metadata({ useCase: "pipeline.create" })
  .inputSchema(createPipelineSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("pipeline.create", ctx.user, parsedInput);
    // Pipelines appear in the board's switcher, the filters and the deal forms.
    revalidatePath("/", "layout");
    return result;
  });
