"use server";

import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { deleteViewSchema } from "../../validation/saved-view";

export const deleteViewAction = authorizedAction
  .metadata({ useCase: "view.delete" })
  .inputSchema(deleteViewSchema)
  .action(async ({ parsedInput, ctx }) => runUseCase("view.delete", ctx.user, parsedInput));
