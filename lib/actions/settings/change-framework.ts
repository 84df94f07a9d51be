"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { changeFramework } from "../../server/settings/mutations";
import { nestedErrorsShape } from "../../validation/errors";
import { changeFrameworkSchema } from "../../validation/settings";

export const changeFrameworkAction = authorizedAction
  .metadata({ permission: "pipeline.configure" })
  .inputSchema(changeFrameworkSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    await changeFramework(ctx.user, parsedInput);
    // Every deal is scored with the framework, so every screen is stale now.
    revalidatePath("/", "layout");
    return { frameworkKey: parsedInput.frameworkKey };
  });
