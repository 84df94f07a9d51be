"use server";

import { authorizedAction } from "../../server/action-client";
import { changeOwnPassword } from "../../server/users/lifecycle";
import { changePasswordSchema } from "../../validation/user";
import { nestedErrorsShape } from "../../validation/errors";

export const changePasswordAction = authorizedAction
  .metadata({ permission: "self.manage" })
  .inputSchema(changePasswordSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => changeOwnPassword(ctx.user, parsedInput, ctx.user.sessionId));
