"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { createUserSchema } from "../../validation/user";
import { nestedErrorsShape } from "../../validation/errors";

export const createUserAction = authorizedAction
  .metadata({ useCase: "user.create" })
  .inputSchema(createUserSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const created = await runUseCase("user.create", ctx.user, parsedInput);
    revalidatePath("/settings/users");
    return { id: created.id };
  });
