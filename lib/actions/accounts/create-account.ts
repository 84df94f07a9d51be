"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { createAccount } from "../../server/accounts/mutations";
import { createAccountSchema } from "../../validation/account";
import { nestedErrorsShape } from "../../validation/errors";

export const createAccountAction = authorizedAction
  .metadata({ permission: "account.create" })
  .inputSchema(createAccountSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const record = await createAccount(ctx.user, parsedInput);
    revalidatePath("/accounts");
    return { id: record.id };
  });
