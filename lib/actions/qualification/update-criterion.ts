"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { criterionUpdateSchema } from "../../validation/qualification";
import { nestedErrorsShape } from "../../validation/errors";

export const updateCriterionAction = authorizedAction
  .metadata({ useCase: "criterion.update" })
  .inputSchema(criterionUpdateSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("criterion.update", ctx.user, parsedInput);
    revalidatePath(`/opportunities/${result.id}`);
    revalidatePath("/pipeline");
    return result;
  });
