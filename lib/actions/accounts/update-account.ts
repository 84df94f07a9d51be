"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { updateAccount } from "../../server/accounts/mutations";
import { updateAccountSchema } from "../../validation/account";
import { nestedErrorsShape } from "../../validation/errors";

export const updateAccountAction = authorizedAction
  .metadata({ permission: "account.update" })
  .inputSchema(updateAccountSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const record = await updateAccount(ctx.user, parsedInput);
    revalidatePath(`/accounts/${record.id}`);
    return { id: record.id };
  });
