"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { setNextStep } from "../../server/opportunities/next-step";
import { setNextStepSchema } from "../../validation/next-step";

export const setNextStepAction = authorizedAction
  .metadata({ permission: "opportunity.update" })
  .inputSchema(setNextStepSchema)
  .action(async ({ parsedInput, ctx }) => {
    const deal = await setNextStep(ctx.user, parsedInput);
    revalidatePath(`/opportunities/${deal.id}`);
    revalidatePath("/my-day");
    return { id: deal.id };
  });
