"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { advanceStage } from "../../server/qualification/advance-stage";
import { advanceStageSchema } from "../../validation/qualification";
import { nestedErrorsShape } from "../../validation/errors";

export const advanceStageAction = authorizedAction
  .metadata({ permission: "opportunity.advance" })
  .inputSchema(advanceStageSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const result = await advanceStage(ctx.user, parsedInput);
    revalidatePath(`/opportunities/${result.id}`);
    revalidatePath("/pipeline");
    return result;
  });
