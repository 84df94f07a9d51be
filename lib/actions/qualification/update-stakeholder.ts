"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { updateStakeholder } from "../../server/qualification/stakeholders";
import { updateStakeholderSchema } from "../../validation/qualification";
import { nestedErrorsShape } from "../../validation/errors";

export const updateStakeholderAction = authorizedAction
  .metadata({ permission: "qualification.record" })
  .inputSchema(updateStakeholderSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const result = await updateStakeholder(ctx.user, parsedInput);
    revalidatePath(`/opportunities/${result.id}`);
    revalidatePath("/pipeline");
    return result;
  });
