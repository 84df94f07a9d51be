"use server";

import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { previewIcpSchema } from "../../validation/icp";
import { nestedErrorsShape } from "../../validation/errors";

/** Read-only: how the organization's accounts would score under a draft ICP, before marketing saves it. */
export const previewIcpAction = authorizedAction
  .metadata({ useCase: "icp.preview" })
  .inputSchema(previewIcpSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => runUseCase("icp.preview", ctx.user, parsedInput));
