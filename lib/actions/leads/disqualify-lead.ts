"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { disqualifyLead } from "../../server/leads/triage";
import { disqualifyLeadSchema } from "../../validation/lead";

export const disqualifyLeadAction = authorizedAction
  .metadata({ permission: "lead.triage" })
  .inputSchema(disqualifyLeadSchema)
  .action(async ({ parsedInput, ctx }) => {
    const lead = await disqualifyLead(ctx.user, parsedInput);
    revalidatePath("/leads");
    return { id: lead.id, status: lead.status };
  });
