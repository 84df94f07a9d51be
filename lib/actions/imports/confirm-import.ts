"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { enqueueImport } from "../../server/imports/jobs";
import { confirmImport } from "../../server/imports/imports";
import { resumeSchema } from "../../validation/lead";

export const confirmImportAction = authorizedAction
  .metadata({ permission: "import.run" })
  .inputSchema(resumeSchema)
  .action(async ({ parsedInput, ctx }) => {
    await confirmImport(ctx.user, parsedInput.id);
    await enqueueImport(parsedInput.id);
    revalidatePath(`/import/${parsedInput.id}`);
    return { jobId: parsedInput.id };
  });
