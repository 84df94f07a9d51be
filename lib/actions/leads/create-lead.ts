"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { createLeadSchema } from "../../validation/lead";

export const createLeadAction = authorizedAction
  .metadata({ useCase: "lead.create" })
  .inputSchema(createLeadSchema)
  .action(async ({ parsedInput, ctx }) => {
    const lead = await runUseCase("lead.create", ctx.user, parsedInput);
    revalidatePath("/leads");
    return { id: lead.id, verdict: lead.verdict };
  });
