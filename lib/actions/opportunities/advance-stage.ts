"use server";

import { authorizedAction } from "../../server/action-client";
import { loadCard } from "../../server/pipeline/board";
import { runUseCase } from "../../server/use-cases";
import { advanceStageSchema } from "../../validation/qualification";
import { nestedErrorsShape } from "../../validation/errors";

/**
 * Returns the moved deal as a board card, so the board updates that one card; nothing is revalidated here,
 * which keeps the response from carrying a re-render of the page it came from. The deal page refreshes itself.
 */
export const advanceStageAction = authorizedAction
  .metadata({ useCase: "opportunity.advance" })
  .inputSchema(advanceStageSchema, { handleValidationErrorsShape: nestedErrorsShape })
  .action(async ({ parsedInput, ctx }) => {
    // The row itself stays on the server (the card is what the board shows).
    const { opportunity: _row, ...result } = await runUseCase("opportunity.advance", ctx.user, parsedInput);
    return { ...result, card: await loadCard(ctx.user, result.id) };
  });
