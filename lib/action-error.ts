/** What the browser may learn about a failed action. Shared by server (to build) and client (to show). */
const ERROR_CODES = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "GATE_BLOCKED", "INVALID", "RATE_LIMITED", "INTERNAL"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Messages per field, keyed by the input's path ("domain", "evidence.2.contactId"), as zod's flattened shape. */
export type FieldErrors = Record<string, string[] | undefined>;

/** One unmet exit requirement, in the engine's words, with ids the browser can link to. */
export interface GateBlocker {
  stageId: string;
  code: string;
  criterionId?: string;
  role?: string;
  message: string;
}

/** A stage change the gate refused: the stage asked for and what holds the deal. */
export interface StageGateDetails {
  toStage: string;
  blockers: GateBlocker[];
}

/** A lead conversion refused by the ICP's knockout rules. */
interface KnockoutDetails {
  knockouts: Array<{ ruleId: string; label: string; reason: string }>;
}

/** The structured detail each code may carry; codes not listed carry none. */
interface ErrorDetailsByCode {
  GATE_BLOCKED: StageGateDetails | KnockoutDetails;
  /** A domain check that names the fields at fault (the same shape as zod's field errors). */
  INVALID: { fieldErrors: FieldErrors };
}

export type ErrorDetails<C extends ErrorCode> = C extends keyof ErrorDetailsByCode ? ErrorDetailsByCode[C] : never;

/** A failed action, as a union keyed by code: narrowing on `code` types `details`. */
export type ActionError = {
  [C in ErrorCode]: { code: C; message: string; details?: ErrorDetails<C> };
}[ErrorCode];

/** The blockers of a refused stage change, if that is what this error is. */
export function stageGateDetails(error: ActionError | undefined): StageGateDetails | null {
  return error?.code === "GATE_BLOCKED" && error.details && "blockers" in error.details ? error.details : null;
}

/** The per-field messages of a domain check, if the error names fields. */
export function domainFieldErrors(error: ActionError | undefined): FieldErrors | undefined {
  return error?.code === "INVALID" ? error.details?.fieldErrors : undefined;
}

export function isActionError(value: unknown): value is ActionError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { message?: unknown }).message === "string" &&
    ERROR_CODES.includes((value as { code?: ErrorCode }).code as ErrorCode)
  );
}
