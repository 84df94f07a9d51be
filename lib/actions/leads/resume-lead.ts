"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { resumeSchema } from "../../validation/lead";

export const resumeLeadAction = authorizedAction
  .metadata({ useCase: "lead.resume" })
  .inputSchema(resumeSchema)
  .action(async ({ parsedInput, ctx }) => {
    const lead = await runUseCase("lead.resume", ctx.user, parsedInput);
    revalidatePath("/leads");
    revalidatePath("/nurture");
    return { id: lead.id };
  });
