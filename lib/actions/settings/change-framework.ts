"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { nestedErrorsShape } from "../../validation/errors";
import { changeFrameworkSchema } from "../../validation/settings";

export const changeFrameworkAction = authorizedAction
  .metadata({ useCase: "framework.change" })
  .inputSchema(changeFrameworkSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    await runUseCase("framework.change", ctx.user, parsedInput);
    // Every deal is scored with the framework, so every screen is stale now.
    revalidatePath("/", "layout");
    return { frameworkKey: parsedInput.frameworkKey };
  });
