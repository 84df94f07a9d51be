"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { eraseContact } from "../../server/contacts/erase-contact";
import { eraseContactSchema } from "../../validation/contact";
import { nestedErrorsShape } from "../../validation/errors";

export const eraseContactAction = authorizedAction
  .metadata({ permission: "contact.erase" })
  .inputSchema(eraseContactSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const erased = await eraseContact(ctx.user, parsedInput);
    revalidatePath(`/accounts/${erased.accountId}`);
    return erased;
  });
