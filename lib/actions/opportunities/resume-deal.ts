"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { resumeDeal } from "../../server/nurture/due";
import { resumeSchema } from "../../validation/lead";

export const resumeDealAction = authorizedAction
  .metadata({ permission: "opportunity.update" })
  .inputSchema(resumeSchema)
  .action(async ({ parsedInput, ctx }) => {
    await resumeDeal(ctx.user, parsedInput.id);
    revalidatePath(`/opportunities/${parsedInput.id}`);
    revalidatePath("/nurture");
    return { id: parsedInput.id };
  });
