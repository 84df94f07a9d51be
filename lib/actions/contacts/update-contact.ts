"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { updateContactSchema } from "../../validation/contact";
import { nestedErrorsShape } from "../../validation/errors";

export const updateContactAction = authorizedAction
  .metadata({ useCase: "contact.update" })
  .inputSchema(updateContactSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const record = await runUseCase("contact.update", ctx.user, parsedInput);
    revalidatePath(`/accounts/${record.accountId}`);
    return { id: record.id };
  });
