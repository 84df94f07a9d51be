"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { createUser } from "../../server/users/users";
import { createUserSchema } from "../../validation/user";
import { nestedErrorsShape } from "../../validation/errors";

export const createUserAction = authorizedAction
  .metadata({ permission: "user.manage" })
  .inputSchema(createUserSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const created = await createUser(ctx.user, parsedInput);
    revalidatePath("/settings/users");
    return { id: created.id };
  });
