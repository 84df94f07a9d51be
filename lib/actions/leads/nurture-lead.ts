"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { nurtureLead } from "../../server/leads/triage";
import { nurtureLeadSchema } from "../../validation/lead";

export const nurtureLeadAction = authorizedAction
  .metadata({ permission: "lead.triage" })
  .inputSchema(nurtureLeadSchema)
  .action(async ({ parsedInput, ctx }) => {
    const lead = await nurtureLead(ctx.user, parsedInput);
    revalidatePath("/leads");
    return { id: lead.id, status: lead.status };
  });
