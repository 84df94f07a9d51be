import "server-only";
import type { z } from "zod";
import { issuesByPath } from "../../validation/errors";
import type { Permission } from "../../permissions";
import { AppError, forbidden } from "../errors";
import { can } from "../../permissions";
import type { SessionUser } from "../session";
import { executeUseCase, type UseCaseName, type UseCaseResult } from "../use-cases";

export interface ApiContext {
  user: SessionUser;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** The version from an If-Match header ("3" or W/"3"), when sent. */
  ifMatch: number | null;
}

interface ApiResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** One endpoint: routing, documentation and the adapter in one row. */
export interface Operation {
  operationId: string;
  method: "GET" | "POST" | "PATCH" | "PUT";
  /** OpenAPI path template under /api/v1, e.g. /opportunities/{id}/stage-changes. */
  path: string;
  summary: string;
  tag: string;
  /** Writes: the use case run, and which input fields come from the path. */
  useCase?: UseCaseName;
  pathInput?: Record<string, string>;
  /** Input fields the request body need not carry, because the path or a header supplies them. */
  query?: z.ZodObject;
  /** Reads that need more than membership of the organization. */
  permission?: Permission;
  response: z.ZodType;
  status: number;
  /** Headers the operation reads, for the document. */
  headers?: Array<"If-Match" | "Idempotency-Key">;
  handle: (ctx: ApiContext) => Promise<ApiResult>;
  /**
   * A file upload: the body is the file itself in this media type (not JSON), up to maxBytes, handed to the
   * operation as a string; everything else about the request comes in the query.
   */
  upload?: { mediaType: "text/csv"; maxBytes: number };
  /** For a CONFLICT: the version the record has now, so the client can re-read and retry. */
  currentVersion?: (ctx: ApiContext) => Promise<number | null>;
}

export function requirePermission(user: SessionUser, permission: Permission | undefined): void {
  if (permission && !can(user.role, permission)) throw forbidden("Your role does not allow that.");
}

/** Parses query parameters with a list schema; unknown values are refused with their paths, not ignored. */
export function parseQuery<S extends z.ZodObject>(schema: S, query: URLSearchParams): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(query.entries()));
  if (!parsed.success) {
    throw new AppError("INVALID", "Some query parameters need attention.", { fieldErrors: issuesByPath(parsed.error.issues) });
  }
  return parsed.data;
}

function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== "object" || Array.isArray(body))
    throw new AppError("INVALID", "The request body must be a JSON object.", { fieldErrors: { "": ["Expected an object."] } });
  return body as Record<string, unknown>;
}

interface WriteOptions<N extends UseCaseName> {
  pathInput?: Record<string, string>;
  /** Accept the version from If-Match when the body has none. */
  versionFromIfMatch?: boolean;
  respond: (ctx: ApiContext, result: UseCaseResult<N>) => Promise<unknown>;
}

/** The adapter of every write: body + path parameters → the use case (permission, schema, rules) → resource. */
export function writeHandler<N extends UseCaseName>(name: N, options: WriteOptions<N>) {
  return async (ctx: ApiContext): Promise<{ status: number; body: unknown }> => {
    const input: Record<string, unknown> = { ...bodyObject(ctx.body) };
    for (const [param, field] of Object.entries(options.pathInput ?? {})) input[field] = ctx.params[param];
    if (options.versionFromIfMatch && input.version === undefined && ctx.ifMatch !== null) input.version = ctx.ifMatch;
    const result = await executeUseCase(name, ctx.user, input);
    return { status: 200, body: await options.respond(ctx, result) };
  };
}
