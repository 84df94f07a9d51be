"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { resumeLead } from "../../server/leads/triage";
import { resumeSchema } from "../../validation/lead";

export const resumeLeadAction = authorizedAction
  .metadata({ permission: "lead.triage" })
  .inputSchema(resumeSchema)
  .action(async ({ parsedInput, ctx }) => {
    const lead = await resumeLead(ctx.user, parsedInput.id);
    revalidatePath("/leads");
    revalidatePath("/nurture");
    return { id: lead.id };
  });
