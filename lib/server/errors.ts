import type { ActionError, ErrorCode, ErrorDetails } from "../action-error";

/** An expected failure whose message is safe to show the user. Anything else is logged and hidden. */
export class AppError<C extends Exclude<ErrorCode, "INTERNAL"> = Exclude<ErrorCode, "INTERNAL">> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly details?: ErrorDetails<C>,
  ) {
    super(message);
    this.name = "AppError";
  }

  toClient(): ActionError {
    // TypeScript cannot follow the generic code into the union; the constructor's signature keeps them paired.
    const error = { code: this.code, message: this.message, ...(this.details !== undefined && { details: this.details }) };
    return error as ActionError;
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found.`);

export const forbidden = (message = "You do not have permission to do that.") => new AppError("FORBIDDEN", message);

export const staleWrite = (what: string) =>
  new AppError("CONFLICT", `Someone else changed this ${what} while you were editing. Reload to see their changes, then apply yours again.`);

/** Prisma's "unique constraint failed" becomes a domain conflict with a message the user can act on. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
