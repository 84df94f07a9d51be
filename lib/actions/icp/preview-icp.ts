"use server";

import { authorizedAction } from "../../server/action-client";
import { assertValidIcp, toIcpDefinition } from "../../server/icp/definition";
import { previewFit } from "../../server/icp/preview";
import { previewIcpSchema } from "../../validation/icp";
import { nestedErrorsShape } from "../../validation/errors";

/** Read-only: how the organization's accounts would score under a draft ICP, before marketing saves it. */
export const previewIcpAction = authorizedAction
  .metadata({ permission: "icp.manage" })
  .inputSchema(previewIcpSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    const icp = toIcpDefinition(parsedInput, 0);
    assertValidIcp(icp, "Nothing to preview yet.");
    return previewFit(ctx.user, icp);
  });
