"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { createRecapSchema } from "../../validation/recap";

export const createRecapAction = authorizedAction
  .metadata({ useCase: "recap.create" })
  .inputSchema(createRecapSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("recap.create", ctx.user, parsedInput);
    revalidatePath(`/opportunities/${parsedInput.opportunityId}`);
    return result;
  });
