import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import type { ActionError } from "../action-error";
import { AppError } from "./errors";
import { logger } from "./logger";
import { getSessionUser } from "./session";
import { toDomainError } from "./transaction";
import { authorizeUseCase, USE_CASE_NAMES } from "./use-cases";

/**
 * Every server action is built from `authorizedAction`: it names the use case it runs (lib/server/use-cases.ts),
 * and the middleware checks the session and that use case's permission before the input is even parsed; the
 * use case checks it again on the shared path the API also takes. Record-level checks (organization, ownership)
 * happen in the use case against the record loaded on the server.
 */
const baseClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ useCase: z.enum(USE_CASE_NAMES) }),
  defaultValidationErrorsShape: "flattened",
  handleServerError: (thrown) => baseClientErrorHandler(thrown),
});

/** Expected failures and database races become typed answers; anything else is logged and hidden. */
function baseClientErrorHandler(thrown: unknown): ActionError {
  const error = toDomainError(thrown);
  if (error instanceof AppError) return error.toClient();
  logger.error({ err: error }, "server action failed");
  return { code: "INTERNAL", message: "Something went wrong on our side. Nothing was saved; please try again." };
}

/**
 * For the few actions a signed-out visitor may run (setting a password from a one-time reset link): the
 * input itself must carry the proof. Any new use needs a row saying so in the probe table.
 */
export const publicAction = createSafeActionClient({
  defaultValidationErrorsShape: "flattened",
  handleServerError: (thrown) => baseClientErrorHandler(thrown),
});

export const authorizedAction = baseClient.use(async ({ next, metadata }) => {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  authorizeUseCase(user, metadata.useCase);
  return next({ ctx: { user } });
});
