"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { resumeSchema } from "../../validation/lead";

export const confirmImportAction = authorizedAction
  .metadata({ useCase: "import.confirm" })
  .inputSchema(resumeSchema)
  .action(async ({ parsedInput, ctx }) => {
    await runUseCase("import.confirm", ctx.user, parsedInput);
    revalidatePath(`/import/${parsedInput.id}`);
    return { jobId: parsedInput.id };
  });
