"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { createRecap } from "../../server/recaps/manage";
import { createRecapSchema } from "../../validation/recap";

export const createRecapAction = authorizedAction
  .metadata({ permission: "qualification.record" })
  .inputSchema(createRecapSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await createRecap(ctx.user, parsedInput);
    revalidatePath(`/opportunities/${parsedInput.opportunityId}`);
    return result;
  });
