"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { createContact } from "../../server/contacts/mutations";
import { createContactSchema } from "../../validation/contact";
import { nestedErrorsShape } from "../../validation/errors";

export const createContactAction = authorizedAction
  .metadata({ permission: "contact.write" })
  .inputSchema(createContactSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const record = await createContact(ctx.user, parsedInput);
    revalidatePath(`/accounts/${record.accountId}`);
    return { id: record.id };
  });
