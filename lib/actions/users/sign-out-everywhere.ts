"use server";

import { z } from "zod";
import { authorizedAction } from "../../server/action-client";
import { signOutEverywhere } from "../../server/users/lifecycle";

export const signOutEverywhereAction = authorizedAction
  .metadata({ permission: "self.manage" })
  .inputSchema(z.object({}).strict())
  .action(async ({ ctx }) => signOutEverywhere(ctx.user));
