"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { enqueueImport } from "../../server/imports/jobs";
import { planImport } from "../../server/imports/imports";
import { planImportSchema } from "../../validation/import";

export const planImportAction = authorizedAction
  .metadata({ permission: "import.run" })
  .inputSchema(planImportSchema)
  .action(async ({ parsedInput, ctx }) => {
    await planImport(ctx.user, parsedInput);
    await enqueueImport(parsedInput.jobId);
    revalidatePath(`/import/${parsedInput.jobId}`);
    return { jobId: parsedInput.jobId };
  });
