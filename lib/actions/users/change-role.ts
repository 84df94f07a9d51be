"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { changeRole } from "../../server/users/users";
import { changeRoleSchema } from "../../validation/user";
import { nestedErrorsShape } from "../../validation/errors";

export const changeRoleAction = authorizedAction
  .metadata({ permission: "user.manage" })
  .inputSchema(changeRoleSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const updated = await changeRole(ctx.user, parsedInput);
    revalidatePath("/settings/users");
    return { id: updated.id, role: updated.role };
  });
