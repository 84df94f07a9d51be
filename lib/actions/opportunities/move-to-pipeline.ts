"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "../../server/action-client";
import { runUseCase } from "../../server/use-cases";
import { moveDealPipelineSchema } from "../../validation/pipeline";

export const moveToPipelineAction = authorizedAction
  .metadata({ useCase: "opportunity.move-pipeline" })
  .inputSchema(moveDealPipelineSchema)
  .action(async ({ parsedInput, ctx }) => {
    const moved = await runUseCase("opportunity.move-pipeline", ctx.user, parsedInput);
    revalidatePath(`/opportunities/${moved.id}`);
    revalidatePath("/pipeline");
    return moved;
  });
