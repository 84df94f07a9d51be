"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { planImportSchema } from "../../validation/import";

export const planImportAction = authorizedAction
  .metadata({ useCase: "import.plan" })
  .inputSchema(planImportSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("import.plan", ctx.user, parsedInput);
    revalidatePath(`/import/${result.jobId}`);
    return { jobId: result.jobId };
  });
