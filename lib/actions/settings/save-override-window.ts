"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { saveOverrideWindow } from "../../server/settings/mutations";
import { overrideWindowSchema } from "../../validation/qualification";

export const saveOverrideWindowAction = authorizedAction
  .metadata({ permission: "pipeline.configure" })
  .inputSchema(overrideWindowSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await saveOverrideWindow(ctx.user, parsedInput);
    revalidatePath("/settings/qualification");
    return result;
  });
