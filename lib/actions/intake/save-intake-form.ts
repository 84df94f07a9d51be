"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { intakeFormSchema } from "../../validation/lead";

export const saveIntakeFormAction = authorizedAction
  .metadata({ useCase: "intake-form.save" })
  .inputSchema(intakeFormSchema)
  .action(async ({ parsedInput, ctx }) => {
    await runUseCase("intake-form.save", ctx.user, parsedInput);
    revalidatePath("/forms");
    return { saved: true };
  });
