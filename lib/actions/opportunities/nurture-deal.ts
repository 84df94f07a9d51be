"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { dealNurtureSchema } from "../../validation/lead";

export const nurtureDealAction = authorizedAction
  .metadata({ useCase: "opportunity.nurture" })
  .inputSchema(dealNurtureSchema)
  .action(async ({ parsedInput, ctx }) => {
    const deal = await runUseCase("opportunity.nurture", ctx.user, parsedInput);
    revalidatePath(`/opportunities/${deal.id}`);
    return { id: deal.id };
  });
