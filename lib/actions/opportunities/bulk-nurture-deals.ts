"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { bulkNurtureDealsSchema } from "../../validation/bulk";

export const bulkNurtureDealsAction = authorizedAction
  .metadata({ useCase: "opportunity.bulk-nurture" })
  .inputSchema(bulkNurtureDealsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const report = await runUseCase("opportunity.bulk-nurture", ctx.user, parsedInput);
    revalidatePath("/opportunities");
    return report;
  });
