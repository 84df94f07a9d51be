"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { deletePipelineSchema } from "../../validation/pipeline";

export const deletePipelineAction = authorizedAction
  .metadata({ useCase: "pipeline.delete" })
  .inputSchema(deletePipelineSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("pipeline.delete", ctx.user, parsedInput);
    // Pipelines appear in the board's switcher, the filters and the deal forms.
    revalidatePath("/", "layout");
    return result;
  });
