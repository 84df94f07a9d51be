"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { resumeSchema } from "../../validation/lead";

export const resumeDealAction = authorizedAction
  .metadata({ useCase: "opportunity.resume" })
  .inputSchema(resumeSchema)
  .action(async ({ parsedInput, ctx }) => {
    await runUseCase("opportunity.resume", ctx.user, parsedInput);
    revalidatePath(`/opportunities/${parsedInput.id}`);
    revalidatePath("/nurture");
    return { id: parsedInput.id };
  });
