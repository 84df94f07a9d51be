import type { ActionError, ErrorCode } from "../action-error";

/** An expected failure whose message is safe to show the user. Anything else is logged and hidden. */
export class AppError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, "INTERNAL">,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  toClient(): ActionError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found.`);

export const forbidden = (message = "You do not have permission to do that.") => new AppError("FORBIDDEN", message);

export const staleWrite = (what: string) =>
  new AppError(
    "CONFLICT",
    `Someone else changed this ${what} while you were editing. Reload to see their changes, then apply yours again.`,
  );

/** Prisma's "unique constraint failed" becomes a domain conflict with a message the user can act on. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
