"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { updateAccountSchema } from "../../validation/account";
import { nestedErrorsShape } from "../../validation/errors";

export const updateAccountAction = authorizedAction
  .metadata({ useCase: "account.update" })
  .inputSchema(updateAccountSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const record = await runUseCase("account.update", ctx.user, parsedInput);
    revalidatePath(`/accounts/${record.id}`);
    return { id: record.id };
  });
