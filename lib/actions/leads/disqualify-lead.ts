"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { disqualifyLeadSchema } from "../../validation/lead";

export const disqualifyLeadAction = authorizedAction
  .metadata({ useCase: "lead.disqualify" })
  .inputSchema(disqualifyLeadSchema)
  .action(async ({ parsedInput, ctx }) => {
    const lead = await runUseCase("lead.disqualify", ctx.user, parsedInput);
    revalidatePath("/leads");
    return { id: lead.id, status: lead.status };
  });
