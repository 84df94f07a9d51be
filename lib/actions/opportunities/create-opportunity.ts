"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { createOpportunity } from "../../server/opportunities/mutations";
import { createOpportunitySchema } from "../../validation/opportunity";
import { nestedErrorsShape } from "../../validation/errors";

export const createOpportunityAction = authorizedAction
  .metadata({ permission: "opportunity.create" })
  .inputSchema(createOpportunitySchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const record = await createOpportunity(ctx.user, parsedInput);
    revalidatePath("/opportunities");
    return { id: record.id };
  });
