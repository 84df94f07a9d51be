"use server";

import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { saveViewSchema } from "../../validation/saved-view";

export const saveViewAction = authorizedAction
  .metadata({ useCase: "view.save" })
  .inputSchema(saveViewSchema)
  .action(async ({ parsedInput, ctx }) => runUseCase("view.save", ctx.user, parsedInput));
