"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { updateContact } from "../../server/contacts/mutations";
import { updateContactSchema } from "../../validation/contact";
import { nestedErrorsShape } from "../../validation/errors";

export const updateContactAction = authorizedAction
  .metadata({ permission: "contact.write" })
  .inputSchema(updateContactSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const record = await updateContact(ctx.user, parsedInput);
    revalidatePath(`/accounts/${record.accountId}`);
    return { id: record.id };
  });
