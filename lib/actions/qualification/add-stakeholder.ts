"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { addStakeholder } from "../../server/qualification/stakeholders";
import { addStakeholderSchema } from "../../validation/qualification";

export const addStakeholderAction = authorizedAction
  .metadata({ permission: "qualification.record" })
  .inputSchema(addStakeholderSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await addStakeholder(ctx.user, parsedInput);
    revalidatePath(`/opportunities/${result.id}`);
    revalidatePath("/pipeline");
    return result;
  });
