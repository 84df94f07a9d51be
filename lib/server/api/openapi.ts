import "server-only";
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "../../webhooks/events";
import { USE_CASES } from "../use-cases";
import { MAX_BODY_BYTES } from "./handler";
import type { Operation } from "./operation";
import { OPERATIONS } from "./operations";
import { problemResource } from "./resources";

type JsonSchema = Record<string, unknown>;

/**
 * zod 4's own JSON Schema generator (draft 2020-12, the dialect of OpenAPI 3.1). Request schemas are rendered
 * as their input (what a client sends, before defaults and transforms), responses as their output.
 */
function jsonSchema(schema: z.core.$ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", reused: "inline" }) as JsonSchema;
  return rest;
}

function requestBody(op: Operation): JsonSchema | null {
  if (!op.useCase || op.upload) return null;
  const schema = jsonSchema(USE_CASES[op.useCase].input, "input");
  const fromPath = new Set(Object.values(op.pathInput ?? {}));
  const properties = Object.fromEntries(Object.entries((schema.properties ?? {}) as JsonSchema).filter(([k]) => !fromPath.has(k)));
  const sent = op.headers?.includes("If-Match") ? new Set([...fromPath, "version"]) : fromPath;
  const required = op.method === "PATCH" ? [] : ((schema.required ?? []) as string[]).filter((k) => !sent.has(k));
  const { required: _all, ...rest } = schema;
  return { ...rest, properties, ...(required.length > 0 && { required }) };
}

const ERROR_RESPONSES: Record<string, string> = {
  "401": "Missing, unknown or revoked API key.",
  "403": "The key's role does not allow this (FORBIDDEN).",
  "404": "No such record in your organization (records of other organizations are not found either).",
  "409": "CONFLICT: the record changed since you read it; `currentVersion` says what it is now.",
  "413": "The request body is larger than the limit.",
  "422": "INVALID (with `errors` per field path) or GATE_BLOCKED (with `blockers`).",
  "429": "Rate limit reached; wait Retry-After seconds.",
};

const problemRef = { $ref: "#/components/schemas/Problem" };

function operationObject(op: Operation): JsonSchema {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
  const queryParams = op.query
    ? Object.entries(op.query.shape).map(([name, schema]) => {
        const s = jsonSchema(schema as z.ZodType, "input");
        return { name, in: "query", required: false, schema: s, ...(typeof s.description === "string" && { description: s.description }) };
      })
    : [];
  const headerParams = (op.headers ?? []).map((name) => ({
    name,
    in: "header",
    required: false,
    schema: { type: "string" },
    description:
      name === "If-Match"
        ? "The version you read (the ETag), instead of `version` in the body."
        : "Any unique string; a retried POST with the same key returns the first response instead of running again.",
  }));
  const body = requestBody(op);
  return {
    operationId: op.operationId,
    summary: op.summary,
    tags: [op.tag],
    parameters: [...pathParams, ...queryParams, ...headerParams],
    ...(body && op.method !== "GET" && { requestBody: { required: true, content: { "application/json": { schema: body } } } }),
    ...(op.upload && {
      requestBody: {
        required: true,
        description: `The file itself, at most ${op.upload.maxBytes} bytes.`,
        content: { [op.upload.mediaType]: { schema: { type: "string" } } },
      },
    }),
    responses: {
      [String(op.status)]: { description: "OK", content: { "application/json": { schema: jsonSchema(op.response, "output") } } },
      ...Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([status, description]) => [
          status,
          { description, content: { "application/problem+json": { schema: problemRef } } },
        ]),
      ),
    },
  };
}

const DESCRIPTION = `Winnow's public API: the same use cases, permissions, evidence rules and stage gates as the app.
Authenticate with an API key (Settings → API keys) as \`Authorization: Bearer <key>\`. Errors are RFC 9457
problem details (\`application/problem+json\`) whose \`code\` is the one the app shows. Lists are cursor-paginated
(\`limit\` ≤ 100, \`cursor\` from \`nextCursor\`). Request bodies are limited to ${MAX_BODY_BYTES} bytes.
Webhook events: ${WEBHOOK_EVENT_TYPES.join(", ")}.`;

let cached: JsonSchema | null = null;

/** The OpenAPI 3.1 document of /api/v1, built from the operations table and their zod schemas. */
export function openApiDocument(): JsonSchema {
  if (cached) return cached;
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  cached = {
    openapi: "3.1.0",
    info: { title: "Winnow API", version: "1.0.0", description: DESCRIPTION, license: { name: "AGPL-3.0-only", identifier: "AGPL-3.0-only" } },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerKey: [] }],
    paths,
    components: {
      securitySchemes: { bearerKey: { type: "http", scheme: "bearer", description: "An API key created by an admin." } },
      schemas: { Problem: jsonSchema(problemResource, "output") },
    },
  };
  return cached;
}
