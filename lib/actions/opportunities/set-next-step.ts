"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { setNextStepSchema } from "../../validation/next-step";

export const setNextStepAction = authorizedAction
  .metadata({ useCase: "opportunity.set-next-step" })
  .inputSchema(setNextStepSchema)
  .action(async ({ parsedInput, ctx }) => {
    const deal = await runUseCase("opportunity.set-next-step", ctx.user, parsedInput);
    revalidatePath(`/opportunities/${deal.id}`);
    revalidatePath("/my-day");
    return { id: deal.id };
  });
