"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { addStakeholderSchema } from "../../validation/qualification";
import { nestedErrorsShape } from "../../validation/errors";

export const addStakeholderAction = authorizedAction
  .metadata({ useCase: "stakeholder.add" })
  .inputSchema(addStakeholderSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("stakeholder.add", ctx.user, parsedInput);
    revalidatePath(`/opportunities/${result.id}`);
    revalidatePath("/pipeline");
    return result;
  });
