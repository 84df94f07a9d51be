"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { updateOpportunitySchema } from "../../validation/opportunity";
import { nestedErrorsShape } from "../../validation/errors";

export const updateOpportunityAction = authorizedAction
  .metadata({ useCase: "opportunity.update" })
  .inputSchema(updateOpportunitySchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const record = await runUseCase("opportunity.update", ctx.user, parsedInput);
    revalidatePath(`/opportunities/${record.id}`);
    return { id: record.id };
  });
