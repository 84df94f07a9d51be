"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { completeNextStep } from "../../server/opportunities/next-step";
import { completeNextStepSchema } from "../../validation/next-step";

export const completeNextStepAction = authorizedAction
  .metadata({ permission: "opportunity.update" })
  .inputSchema(completeNextStepSchema)
  .action(async ({ parsedInput, ctx }) => {
    await completeNextStep(ctx.user, parsedInput);
    revalidatePath(`/opportunities/${parsedInput.opportunityId}`);
    revalidatePath("/my-day");
    return { id: parsedInput.opportunityId };
  });
