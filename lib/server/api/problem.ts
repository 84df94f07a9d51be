import "server-only";
import type { ErrorCode } from "../../action-error";
import { AppError } from "../errors";
import { logger } from "../logger";

/** The API's own failures besides the UI's codes. */
export type ProblemCode = ErrorCode | "RATE_LIMITED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "METHOD_NOT_ALLOWED" | "IDEMPOTENCY_MISMATCH";

const STATUS: Record<ProblemCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID: 422,
  GATE_BLOCKED: 422,
  IDEMPOTENCY_MISMATCH: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** RFC 9457 problem details; `code` is the same code the UI's action errors carry. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  [extension: string]: unknown;
}

export function problem(code: ProblemCode, detail: string, extensions: Record<string, unknown> = {}): Problem {
  const slug = code.toLowerCase().replaceAll("_", "-");
  return { type: `/docs/api#${slug}`, title: code.replaceAll("_", " ").toLowerCase(), status: STATUS[code], detail, code, ...extensions };
}

/** AppError details become extension members: `errors` (INVALID), `blockers` (GATE_BLOCKED). */
export function problemFromError(error: unknown): Problem {
  if (!(error instanceof AppError)) {
    logger.error({ err: error }, "API request failed");
    return problem("INTERNAL", "Something went wrong on our side. Nothing was saved; please try again.");
  }
  const known = (error as AppError).toClient();
  if (known.code === "INVALID") {
    // Field errors travel keyed by dotted path, as forms read them; the API lists them as { path, message }.
    const fieldErrors = known.details?.fieldErrors ?? {};
    const errors = Object.entries(fieldErrors).flatMap(([path, messages]) => (messages ?? []).map((message) => ({ path, message })));
    return problem("INVALID", known.message, { errors });
  }
  return problem(known.code, known.message, { ...known.details });
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return jsonResponse(p.status, p, { "content-type": PROBLEM_CONTENT_TYPE, ...headers });
}

/** The compression middleware's own threshold: below it, gzip costs more than it saves. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * Every /api/v1 answer. `next start` gzips every response whose length it does not know, however small, and it
 * drops a Content-Length a route handler sets, so the middleware's 1 KB threshold never applies to route
 * handlers. Most API answers are a few hundred bytes, where a gzip stream per response costs more CPU than it
 * saves on the wire: those say `no-transform`, which the middleware (like any proxy) honours. Larger answers
 * (lists) are still compressed. Pages are not concerned.
 */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = body === undefined ? "" : JSON.stringify(body);
  const small = Buffer.byteLength(text) < COMPRESS_FROM_BYTES;
  return new Response(text, {
    status,
    headers: { "content-type": "application/json", ...(small && { "cache-control": "no-transform" }), ...headers },
  });
}
