"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { createOpportunitySchema } from "../../validation/opportunity";
import { nestedErrorsShape } from "../../validation/errors";

export const createOpportunityAction = authorizedAction
  .metadata({ useCase: "opportunity.create" })
  .inputSchema(createOpportunitySchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const record = await runUseCase("opportunity.create", ctx.user, parsedInput);
    revalidatePath("/opportunities");
    return { id: record.id };
  });
