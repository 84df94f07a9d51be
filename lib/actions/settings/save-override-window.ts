"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { overrideWindowSchema } from "../../validation/qualification";

export const saveOverrideWindowAction = authorizedAction
  .metadata({ useCase: "override-window.save" })
  .inputSchema(overrideWindowSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("override-window.save", ctx.user, parsedInput);
    revalidatePath("/settings/qualification");
    return result;
  });
