"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { setDealNurture } from "../../server/nurture/due";
import { dealNurtureSchema } from "../../validation/lead";

export const nurtureDealAction = authorizedAction
  .metadata({ permission: "opportunity.update" })
  .inputSchema(dealNurtureSchema)
  .action(async ({ parsedInput, ctx }) => {
    const deal = await setDealNurture(ctx.user, parsedInput);
    revalidatePath(`/opportunities/${deal.id}`);
    return { id: deal.id };
  });
