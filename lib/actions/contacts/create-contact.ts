"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { createContactSchema } from "../../validation/contact";
import { nestedErrorsShape } from "../../validation/errors";

export const createContactAction = authorizedAction
  .metadata({ useCase: "contact.create" })
  .inputSchema(createContactSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const record = await runUseCase("contact.create", ctx.user, parsedInput);
    revalidatePath(`/accounts/${record.accountId}`);
    return { id: record.id };
  });
