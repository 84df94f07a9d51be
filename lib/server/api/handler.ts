import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { hit } from "../rate-limit";
import { withRequestContext } from "../request-context";
import { claimIdempotencyKey, requestHash, settleIdempotencyKey } from "./idempotency";
import { authenticateToken } from "./keys";
import { requirePermission, type ApiContext, type Operation } from "./operation";
import { OPERATIONS } from "./operations";
import { jsonResponse, problem, problemFromError, problemResponse, type Problem } from "./problem";

/** Larger bodies are refused with 413 before they are read. */
export const MAX_BODY_BYTES = 1_000_000;
const WRITE_METHODS = new Set(["POST", "PATCH", "PUT"]);

const routes = OPERATIONS.map((op) => {
  const names: string[] = [];
  const pattern = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { op, names, regex: new RegExp(`^${pattern}$`) };
});

function route(method: string, path: string): { op: Operation; params: Record<string, string> } | "no_path" | "no_method" {
  const matching = routes.filter((r) => r.regex.test(path));
  if (matching.length === 0) return "no_path";
  const hit = matching.find((r) => r.op.method === method);
  if (!hit) return "no_method";
  const values = hit.regex.exec(path)!.slice(1);
  return { op: hit.op, params: Object.fromEntries(hit.names.map((n, i) => [n, decodeURIComponent(values[i] ?? "")])) };
}

function parseIfMatch(header: string | null): number | null {
  const match = header ? /^(?:W\/)?"?(\d+)"?$/.exec(header.trim()) : null;
  return match ? Number(match[1]) : null;
}

/** Reads at most `limit` bytes, whatever Content-Length claimed. */
async function readBody(request: Request, limit: number): Promise<{ text: string } | "too_large"> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return "too_large";
  if (!request.body) return { text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return "too_large";
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString("utf8") };
}

/**
 * The one door of /api/v1: bearer key → rate limit → route → body → idempotency → the operation (a thin
 * adapter over a use case) → JSON, or problem+json with the same codes the UI shows.
 */
export async function handleApiRequest(request: Request, segments: string[]): Promise<Response> {
  const method = request.method.toUpperCase();
  const path = `/${segments.map(encodeURIComponent).join("/")}`;
  const matched = route(method, path);
  // A file upload has its own, larger limit; every other body is JSON of at most MAX_BODY_BYTES.
  const upload = typeof matched === "object" ? matched.op.upload : undefined;
  const limit = upload?.maxBytes ?? MAX_BODY_BYTES;
  if (Number(request.headers.get("content-length") ?? "0") > limit) {
    return problemResponse(problem("PAYLOAD_TOO_LARGE", `Request bodies are limited to ${limit} bytes.`));
  }
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  const caller = token ? await authenticateToken(token) : null;
  if (!caller) {
    return problemResponse(problem("UNAUTHENTICATED", "Send a valid, unrevoked API key as `Authorization: Bearer <key>`."), {
      "www-authenticate": 'Bearer realm="winnow"',
    });
  }
  // Per key, in the shared PostgreSQL buckets every instance counts in (the intake form's limiter too).
  const limited = await hit(db(), [{ key: `api:key:${caller.keyId}`, max: caller.rateLimitPerMinute, windowSeconds: 60 }], new Date());
  if (limited) {
    return problemResponse(problem("RATE_LIMITED", `This key is limited to ${caller.rateLimitPerMinute} requests a minute.`), {
      "retry-after": String(limited.retryAfter),
    });
  }
  if (matched === "no_path") return problemResponse(problem("NOT_FOUND", `No endpoint at ${path}.`));
  if (matched === "no_method") return problemResponse(problem("METHOD_NOT_ALLOWED", `${method} is not allowed on ${path}.`));

  let text = "";
  if (WRITE_METHODS.has(method)) {
    const read = await readBody(request, limit);
    if (read === "too_large") return problemResponse(problem("PAYLOAD_TOO_LARGE", `Request bodies are limited to ${limit} bytes.`));
    text = read.text;
    const contentType = request.headers.get("content-type") ?? "";
    if (upload && !contentType.toLowerCase().startsWith(upload.mediaType)) {
      return problemResponse(problem("UNSUPPORTED_MEDIA_TYPE", `Send the file as the body with \`Content-Type: ${upload.mediaType}\`.`));
    }
    if (!upload && text && !/^application\/(.+\+)?json\b/i.test(contentType)) {
      return problemResponse(problem("UNSUPPORTED_MEDIA_TYPE", "Send JSON with `Content-Type: application/json`."));
    }
  }
  let body: unknown = undefined;
  try {
    body = upload ? text : text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return problemResponse(problem("INVALID", "The request body is not valid JSON.", { errors: [{ path: "", message: "Malformed JSON." }] }));
  }

  const idempotencyKey = method === "POST" ? request.headers.get("idempotency-key") : null;
  let claimId: string | null = null;
  if (idempotencyKey) {
    if (idempotencyKey.length > 200) return problemResponse(problem("INVALID", "Idempotency-Key is limited to 200 characters."));
    const claim = await claimIdempotencyKey(caller.keyId, idempotencyKey, requestHash(method, path, text));
    if (claim.kind === "replay") return jsonResponse(claim.response.status, claim.response.body, { "idempotent-replayed": "true" });
    if (claim.kind === "mismatch") return problemResponse(problem("IDEMPOTENCY_MISMATCH", "This Idempotency-Key was used with a different request."));
    if (claim.kind === "in_progress")
      return problemResponse(problem("CONFLICT", "A request with this Idempotency-Key is still running; retry shortly."), { "retry-after": "1" });
    claimId = claim.id;
  }

  const ctx: ApiContext = {
    user: caller.user,
    params: matched.params,
    query: new URL(request.url).searchParams,
    body,
    ifMatch: parseIfMatch(request.headers.get("if-match")),
  };
  const { status, payload, headers } = await withRequestContext({ apiKeyId: caller.keyId }, () => run(matched.op, ctx));
  if (claimId) await settleIdempotencyKey(claimId, { status, body: payload });
  const isProblem = status >= 400;
  return jsonResponse(status, payload, { "content-type": isProblem ? "application/problem+json" : "application/json", ...headers });
}

async function run(op: Operation, ctx: ApiContext): Promise<{ status: number; payload: unknown; headers: Record<string, string> }> {
  try {
    requirePermission(ctx.user, op.permission);
    const result = await op.handle(ctx);
    return { status: result.status, payload: result.body, headers: result.headers ?? {} };
  } catch (error) {
    const p: Problem = problemFromError(error);
    if (error instanceof AppError && error.code === "CONFLICT" && op.currentVersion) {
      const current = await op.currentVersion(ctx).catch(() => null);
      if (current !== null) p.currentVersion = current;
    }
    return { status: p.status, payload: p, headers: {} };
  }
}
