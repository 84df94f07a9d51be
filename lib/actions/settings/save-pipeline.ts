"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { nestedErrorsShape } from "../../validation/errors";
import { savePipelineSchema } from "../../validation/settings";

export const savePipelineAction = authorizedAction
  .metadata({ useCase: "pipeline.save" })
  .inputSchema(savePipelineSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const pipeline = await runUseCase("pipeline.save", ctx.user, parsedInput);
    // Gates and probabilities feed every deal's gate check and forecast, so every screen is stale now.
    revalidatePath("/", "layout");
    return { stages: pipeline.stages.length };
  });
