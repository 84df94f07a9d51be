"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { revokeApiKeySchema } from "../../validation/integrations";

export const revokeApiKeyAction = authorizedAction
  .metadata({ useCase: "api-key.revoke" })
  .inputSchema(revokeApiKeySchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("api-key.revoke", ctx.user, parsedInput);
    revalidatePath("/settings/api-keys");
    return { id: result.id };
  });
