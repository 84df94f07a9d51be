"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { bulkAssignLeadsSchema } from "../../validation/bulk";

export const bulkAssignLeadsAction = authorizedAction
  .metadata({ useCase: "lead.bulk-assign" })
  .inputSchema(bulkAssignLeadsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const report = await runUseCase("lead.bulk-assign", ctx.user, parsedInput);
    revalidatePath("/leads");
    return report;
  });
