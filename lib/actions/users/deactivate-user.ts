"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { userIdSchema } from "../../validation/user";
import { nestedErrorsShape } from "../../validation/errors";

export const deactivateUserAction = authorizedAction
  .metadata({ useCase: "user.deactivate" })
  .inputSchema(userIdSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("user.deactivate", ctx.user, parsedInput);
    revalidatePath("/settings/users");
    return result;
  });
