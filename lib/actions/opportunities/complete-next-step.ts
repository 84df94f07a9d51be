"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { completeNextStepSchema } from "../../validation/next-step";

export const completeNextStepAction = authorizedAction
  .metadata({ useCase: "opportunity.complete-next-step" })
  .inputSchema(completeNextStepSchema)
  .action(async ({ parsedInput, ctx }) => {
    await runUseCase("opportunity.complete-next-step", ctx.user, parsedInput);
    revalidatePath(`/opportunities/${parsedInput.opportunityId}`);
    revalidatePath("/my-day");
    return { id: parsedInput.opportunityId };
  });
