"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { eraseContactSchema } from "../../validation/contact";
import { nestedErrorsShape } from "../../validation/errors";

export const eraseContactAction = authorizedAction
  .metadata({ useCase: "contact.erase" })
  .inputSchema(eraseContactSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const erased = await runUseCase("contact.erase", ctx.user, parsedInput);
    revalidatePath(`/accounts/${erased.accountId}`);
    return erased;
  });
