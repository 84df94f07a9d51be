"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { updateOpportunity } from "../../server/opportunities/mutations";
import { updateOpportunitySchema } from "../../validation/opportunity";
import { nestedErrorsShape } from "../../validation/errors";

export const updateOpportunityAction = authorizedAction
  .metadata({ permission: "opportunity.update" })
  .inputSchema(updateOpportunitySchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const record = await updateOpportunity(ctx.user, parsedInput);
    revalidatePath(`/opportunities/${record.id}`);
    return { id: record.id };
  });
