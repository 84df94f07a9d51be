"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { revokeRecap } from "../../server/recaps/manage";
import { revokeRecapSchema } from "../../validation/recap";

export const revokeRecapAction = authorizedAction
  .metadata({ permission: "qualification.record" })
  .inputSchema(revokeRecapSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await revokeRecap(ctx.user, parsedInput);
    revalidatePath(`/opportunities/${result.opportunityId}`);
    return { id: result.id };
  });
