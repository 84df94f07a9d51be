"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { addStakeholder } from "../../server/qualification/stakeholders";
import { addStakeholderSchema } from "../../validation/qualification";
import { nestedErrorsShape } from "../../validation/errors";

export const addStakeholderAction = authorizedAction
  .metadata({ permission: "qualification.record" })
  .inputSchema(addStakeholderSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const result = await addStakeholder(ctx.user, parsedInput);
    revalidatePath(`/opportunities/${result.id}`);
    revalidatePath("/pipeline");
    return result;
  });
