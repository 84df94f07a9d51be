"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { nestedErrorsShape } from "../../validation/errors";
import { saveCustomFrameworkSchema } from "../../validation/framework-setup";

export const saveCustomFrameworkAction = authorizedAction
  .metadata({ useCase: "framework.save-custom" })
  .inputSchema(saveCustomFrameworkSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const saved = await runUseCase("framework.save-custom", ctx.user, parsedInput);
    // Every deal is scored with the framework, so every screen is stale now.
    revalidatePath("/", "layout");
    return { version: saved.version, change: saved.change, archived: saved.archived, droppedGates: saved.droppedGates };
  });
