"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { createWebhookSchema } from "../../validation/integrations";

export const createWebhookAction = authorizedAction
  .metadata({ useCase: "webhook.create" })
  .inputSchema(createWebhookSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("webhook.create", ctx.user, parsedInput);
    revalidatePath("/settings/webhooks");
    return { id: result.id, secret: result.secret };
  });
