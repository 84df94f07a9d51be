"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { updateStakeholderSchema } from "../../validation/qualification";
import { nestedErrorsShape } from "../../validation/errors";

export const updateStakeholderAction = authorizedAction
  .metadata({ useCase: "stakeholder.update" })
  .inputSchema(updateStakeholderSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("stakeholder.update", ctx.user, parsedInput);
    revalidatePath(`/opportunities/${result.id}`);
    revalidatePath("/pipeline");
    return result;
  });
