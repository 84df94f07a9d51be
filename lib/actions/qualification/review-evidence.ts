"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { reviewEvidenceSchema } from "../../validation/qualification";

export const reviewEvidenceAction = authorizedAction
  .metadata({ useCase: "evidence.review" })
  .inputSchema(reviewEvidenceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await runUseCase("evidence.review", ctx.user, parsedInput);
    revalidatePath(`/opportunities/${result.id}`);
    revalidatePath("/dashboard");
    return result;
  });
