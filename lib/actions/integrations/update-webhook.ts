"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { updateWebhookSchema } from "../../validation/integrations";

export const updateWebhookAction = authorizedAction
  .metadata({ useCase: "webhook.update" })
  .inputSchema(updateWebhookSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("webhook.update", ctx.user, parsedInput);
    revalidatePath("/settings/webhooks");
    return result;
  });
