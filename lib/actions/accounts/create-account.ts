"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { createAccountSchema } from "../../validation/account";
import { nestedErrorsShape } from "../../validation/errors";

export const createAccountAction = authorizedAction
  .metadata({ useCase: "account.create" })
  .inputSchema(createAccountSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const record = await runUseCase("account.create", ctx.user, parsedInput);
    revalidatePath("/accounts");
    return { id: record.id };
  });
