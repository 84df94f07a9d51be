"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { bulkDisqualifyLeadsSchema } from "../../validation/bulk";

export const bulkDisqualifyLeadsAction = authorizedAction
  .metadata({ useCase: "lead.bulk-disqualify" })
  .inputSchema(bulkDisqualifyLeadsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const report = await runUseCase("lead.bulk-disqualify", ctx.user, parsedInput);
    revalidatePath("/leads");
    return report;
  });
