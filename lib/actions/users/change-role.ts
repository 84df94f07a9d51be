"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { changeRoleSchema } from "../../validation/user";
import { nestedErrorsShape } from "../../validation/errors";

export const changeRoleAction = authorizedAction
  .metadata({ useCase: "user.change-role" })
  .inputSchema(changeRoleSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const updated = await runUseCase("user.change-role", ctx.user, parsedInput);
    revalidatePath("/settings/users");
    return { id: updated.id, role: updated.role };
  });
