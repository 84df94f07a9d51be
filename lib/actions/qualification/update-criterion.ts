"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { updateCriterion } from "../../server/qualification/criteria";
import { criterionUpdateSchema } from "../../validation/qualification";
import { nestedErrorsShape } from "../../validation/errors";

export const updateCriterionAction = authorizedAction
  .metadata({ permission: "qualification.record" })
  .inputSchema(criterionUpdateSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const result = await updateCriterion(ctx.user, parsedInput);
    revalidatePath(`/opportunities/${result.id}`);
    revalidatePath("/pipeline");
    return result;
  });
