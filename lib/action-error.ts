/** What the browser may learn about a failed action. Shared by server (to build) and client (to show). */
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "GATE_BLOCKED",
  "INVALID",
  "RATE_LIMITED",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ActionError {
  code: ErrorCode;
  message: string;
  /** Structured detail for codes that carry some, e.g. the blockers of a refused stage change. */
  details?: unknown;
}

export function isActionError(value: unknown): value is ActionError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { message?: unknown }).message === "string" &&
    ERROR_CODES.includes((value as { code?: ErrorCode }).code as ErrorCode)
  );
}
