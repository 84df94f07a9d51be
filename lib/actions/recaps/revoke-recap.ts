"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { revokeRecapSchema } from "../../validation/recap";

export const revokeRecapAction = authorizedAction
  .metadata({ useCase: "recap.revoke" })
  .inputSchema(revokeRecapSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("recap.revoke", ctx.user, parsedInput);
    revalidatePath(`/opportunities/${result.opportunityId}`);
    return { id: result.id };
  });
