"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { reviewEvidence } from "../../server/qualification/review";
import { reviewEvidenceSchema } from "../../validation/qualification";

export const reviewEvidenceAction = authorizedAction
  .metadata({ permission: "evidence.review" })
  .inputSchema(reviewEvidenceSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await reviewEvidence(ctx.user, parsedInput);
    revalidatePath(`/opportunities/${result.id}`);
    revalidatePath("/dashboard");
    return result;
  });
