"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { nurtureLeadSchema } from "../../validation/lead";

export const nurtureLeadAction = authorizedAction
  .metadata({ useCase: "lead.nurture" })
  .inputSchema(nurtureLeadSchema)
  .action(async ({ parsedInput, ctx }) => {
    const lead = await runUseCase("lead.nurture", ctx.user, parsedInput);
    revalidatePath("/leads");
    return { id: lead.id, status: lead.status };
  });
