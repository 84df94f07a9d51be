import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import type { ActionError } from "../action-error";
import { can, PERMISSION_KEYS } from "../permissions";
import { AppError } from "./errors";
import { logger } from "./logger";
import { getSessionUser } from "./session";

/**
 * Every server action is built from `authorizedAction`: it must declare the permission it needs, and the
 * middleware checks the session and the role before the input is even parsed. Record-level checks
 * (organization, ownership) happen in the action against the record loaded on the server.
 */
const baseClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ permission: z.enum(PERMISSION_KEYS) }),
  defaultValidationErrorsShape: "flattened",
  handleServerError(error): ActionError {
    if (error instanceof AppError) return error.toClient();
    logger.error({ err: error }, "server action failed");
    return { code: "INTERNAL", message: "Something went wrong on our side. Nothing was saved; please try again." };
  },
});

export const authorizedAction = baseClient.use(async ({ next, metadata }) => {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  if (!can(user.role, metadata.permission)) throw new AppError("FORBIDDEN", "Your role does not allow that.");
  return next({ ctx: { user } });
});
