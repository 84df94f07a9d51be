"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { renamePipelineSchema } from "../../validation/pipeline";

export const renamePipelineAction = authorizedAction
  .metadata({ useCase: "pipeline.rename" })
  .inputSchema(renamePipelineSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("pipeline.rename", ctx.user, parsedInput);
    // Pipelines appear in the board's switcher, the filters and the deal forms.
    revalidatePath("/", "layout");
    return result;
  });
