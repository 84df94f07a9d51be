"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { reactivateUser } from "../../server/users/lifecycle";
import { userIdSchema } from "../../validation/user";
import { nestedErrorsShape } from "../../validation/errors";

export const reactivateUserAction = authorizedAction
  .metadata({ permission: "user.manage" })
  .inputSchema(userIdSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const result = await reactivateUser(ctx.user, parsedInput);
    revalidatePath("/settings/users");
    return result;
  });
