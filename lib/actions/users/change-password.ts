"use server";

import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { changePasswordSchema } from "../../validation/user";
import { nestedErrorsShape } from "../../validation/errors";

export const changePasswordAction = authorizedAction
  .metadata({ useCase: "user.change-password" })
  .inputSchema(changePasswordSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => runUseCase("user.change-password", ctx.user, parsedInput));
