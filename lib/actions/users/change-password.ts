"use server";

import { authorizedAction } from "../../server/action-client";
import { changeOwnPassword } from "../../server/users/lifecycle";
import { changePasswordSchema } from "../../validation/user";

export const changePasswordAction = authorizedAction
  .metadata({ permission: "self.manage" })
  .inputSchema(changePasswordSchema)
  .action(async ({ parsedInput, ctx }) => changeOwnPassword(ctx.user, parsedInput, ctx.user.sessionId));
