"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { redeliverWebhookSchema } from "../../validation/integrations";

export const redeliverWebhookAction = authorizedAction
  .metadata({ useCase: "webhook.redeliver" })
  .inputSchema(redeliverWebhookSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("webhook.redeliver", ctx.user, parsedInput);
    revalidatePath("/settings/webhooks");
    return { id: result.id };
  });
