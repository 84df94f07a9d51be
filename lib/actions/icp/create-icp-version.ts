"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { saveIcpSchema } from "../../validation/icp";
import { nestedErrorsShape } from "../../validation/errors";

export const createIcpVersionAction = authorizedAction
  .metadata({ useCase: "icp.create-version" })
  .inputSchema(saveIcpSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const row = await runUseCase("icp.create-version", ctx.user, parsedInput);
    // Fit feeds verdicts, gates and lists across the app, so every screen is stale now.
    revalidatePath("/", "layout");
    return { id: row.id, version: row.version };
  });
