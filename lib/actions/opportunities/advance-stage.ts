"use server";

import { authorizedAction } from "../../server/action-client";
import { loadCard } from "../../server/pipeline/board";
import { advanceStage } from "../../server/qualification/advance-stage";
import { advanceStageSchema } from "../../validation/qualification";

/**
 * Returns the moved deal as a board card, so the board updates that one card; nothing is revalidated here,
 * which keeps the response from carrying a re-render of the page it came from. The deal page refreshes itself.
 */
export const advanceStageAction = authorizedAction
  .metadata({ permission: "opportunity.advance" })
  .inputSchema(advanceStageSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await advanceStage(ctx.user, parsedInput);
    return { ...result, card: await loadCard(ctx.user, result.id) };
  });
