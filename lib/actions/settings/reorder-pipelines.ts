"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { reorderPipelinesSchema } from "../../validation/pipeline";

export const reorderPipelinesAction = authorizedAction
  .metadata({ useCase: "pipeline.reorder" })
  .inputSchema(reorderPipelinesSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("pipeline.reorder", ctx.user, parsedInput);
    // Pipelines appear in the board's switcher, the filters and the deal forms.
    revalidatePath("/", "layout");
    return result;
  });
