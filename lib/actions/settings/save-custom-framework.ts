"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { saveCustomFramework } from "../../server/settings/custom-framework";
import { nestedErrorsShape } from "../../validation/errors";
import { saveCustomFrameworkSchema } from "../../validation/framework-setup";

export const saveCustomFrameworkAction = authorizedAction
  .metadata({ permission: "pipeline.configure" })
  .inputSchema(saveCustomFrameworkSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const saved = await saveCustomFramework(ctx.user, parsedInput);
    // Every deal is scored with the framework, so every screen is stale now.
    revalidatePath("/", "layout");
    return { version: saved.version, change: saved.change, archived: saved.archived, droppedGates: saved.droppedGates };
  });
