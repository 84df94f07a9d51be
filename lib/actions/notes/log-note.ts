"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { logNote } from "../../server/notes/mutations";
import { nestedErrorsShape } from "../../validation/errors";
import { logNoteSchema } from "../../validation/note";

export const logNoteAction = authorizedAction
  .metadata({ permission: "note.create" })
  .inputSchema(logNoteSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const record = await logNote(ctx.user, parsedInput);
    revalidatePath(record.opportunityId ? `/opportunities/${record.opportunityId}` : `/accounts/${record.accountId ?? ""}`);
    return { id: record.id };
  });
