"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { convertLead } from "../../server/leads/convert-lead";
import { convertLeadSchema } from "../../validation/lead";

export const convertLeadAction = authorizedAction
  .metadata({ permission: "lead.convert" })
  .inputSchema(convertLeadSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await convertLead(ctx.user, parsedInput);
    revalidatePath("/leads");
    return { opportunityId: result.opportunityId, accountId: result.accountId, contactId: result.contactId };
  });
