"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { createLead } from "../../server/leads/create-lead";
import { createLeadSchema } from "../../validation/lead";

export const createLeadAction = authorizedAction
  .metadata({ permission: "lead.create" })
  .inputSchema(createLeadSchema)
  .action(async ({ parsedInput, ctx }) => {
    const lead = await createLead(ctx.user, parsedInput);
    revalidatePath("/leads");
    return { id: lead.id, verdict: lead.verdict };
  });
