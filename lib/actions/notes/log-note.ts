"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { nestedErrorsShape } from "../../validation/errors";
import { logNoteSchema } from "../../validation/note";

export const logNoteAction = authorizedAction
  .metadata({ useCase: "note.log" })
  .inputSchema(logNoteSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const record = await runUseCase("note.log", ctx.user, parsedInput);
    revalidatePath(record.opportunityId ? `/opportunities/${record.opportunityId}` : `/accounts/${record.accountId ?? ""}`);
    return { id: record.id };
  });
