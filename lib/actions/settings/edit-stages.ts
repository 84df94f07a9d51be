"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { nestedErrorsShape } from "../../validation/errors";
import { editStagesSchema } from "../../validation/framework-setup";

export const editStagesAction = authorizedAction
  .metadata({ useCase: "stages.edit" })
  .inputSchema(editStagesSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("stages.edit", ctx.user, parsedInput);
    // Stages feed the board, every deal's gate and the forecast.
    revalidatePath("/", "layout");
    return { version: result.version, stages: result.stages, moved: result.moved, held: result.held };
  });
