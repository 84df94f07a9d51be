"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { convertLeadSchema } from "../../validation/lead";

export const convertLeadAction = authorizedAction
  .metadata({ useCase: "lead.convert" })
  .inputSchema(convertLeadSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("lead.convert", ctx.user, parsedInput);
    revalidatePath("/leads");
    return { opportunityId: result.opportunityId, accountId: result.accountId, contactId: result.contactId };
  });
