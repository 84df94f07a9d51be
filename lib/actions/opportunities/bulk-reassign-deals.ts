"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { bulkReassignDealsSchema } from "../../validation/bulk";

export const bulkReassignDealsAction = authorizedAction
  .metadata({ useCase: "opportunity.bulk-reassign" })
  .inputSchema(bulkReassignDealsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const report = await runUseCase("opportunity.bulk-reassign", ctx.user, parsedInput);
    revalidatePath("/opportunities");
    return report;
  });
