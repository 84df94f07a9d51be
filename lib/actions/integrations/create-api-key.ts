"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { createApiKeySchema } from "../../validation/integrations";

export const createApiKeyAction = authorizedAction
  .metadata({ useCase: "api-key.create" })
  .inputSchema(createApiKeySchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("api-key.create", ctx.user, parsedInput);
    revalidatePath("/settings/api-keys");
    return { id: result.id, name: result.name, token: result.token };
  });
