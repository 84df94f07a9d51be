"use server";

import { z } from "zod";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";

export const signOutEverywhereAction = authorizedAction
  .metadata({ useCase: "user.sign-out-everywhere" })
  .inputSchema(z.object({}).strict())
  .action(async ({ parsedInput, ctx }) => runUseCase("user.sign-out-everywhere", ctx.user, parsedInput));
