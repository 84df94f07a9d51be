"use server";

import { publicAction } from "../../server/action-client";
import { resetPassword } from "../../server/users/lifecycle";
import { resetPasswordSchema } from "../../validation/user";
import { nestedErrorsShape } from "../../validation/errors";

/** Signed-out by design: the one-time token in the input is the proof of who may set the password. */
export const resetPasswordAction = publicAction
  .inputSchema(resetPasswordSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput }) => {
    await resetPassword(parsedInput);
    return { ok: true as const };
  });
