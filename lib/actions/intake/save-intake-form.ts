"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { saveIntakeForm } from "../../server/intake/save-form";
import { intakeFormSchema } from "../../validation/lead";

export const saveIntakeFormAction = authorizedAction
  .metadata({ permission: "intake.configure" })
  .inputSchema(intakeFormSchema)
  .action(async ({ parsedInput, ctx }) => {
    await saveIntakeForm(ctx.user, parsedInput);
    revalidatePath("/forms");
    return { saved: true };
  });
