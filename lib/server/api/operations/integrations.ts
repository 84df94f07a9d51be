import "server-only";
import { z } from "zod";
import { listApiKeys } from "../keys";
import { listDeliveries, listWebhooks } from "../../webhooks/manage";
import { requirePermission, writeHandler, type Operation } from "../operation";

const timestamp = z.iso.datetime({ offset: true });
const apiKeyResource = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  userId: z.string(),
  role: z.string().nullable(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});
const webhookResource = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()),
  createdAt: timestamp,
  consecutiveFailures: z.int(),
  disabledAt: timestamp.nullable(),
  disabledReason: z.string().nullable(),
});
const deliveryResource = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.int(),
  lastStatusCode: z.int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: timestamp,
  deliveredAt: timestamp.nullable(),
  createdAt: timestamp,
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const keyJson = (k: {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  role: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  userId: k.userId,
  role: k.role,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: iso(k.lastUsedAt),
  revokedAt: iso(k.revokedAt),
});
const webhookJson = (w: {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  createdAt: Date;
  consecutiveFailures: number;
  disabledAt: Date | null;
  disabledReason: string | null;
}) => ({
  id: w.id,
  url: w.url,
  description: w.description,
  events: w.events,
  createdAt: w.createdAt.toISOString(),
  consecutiveFailures: w.consecutiveFailures,
  disabledAt: iso(w.disabledAt),
  disabledReason: w.disabledReason,
});

export const integrationOperations: Operation[] = [
  {
    operationId: "listApiKeys",
    method: "GET",
    path: "/api-keys",
    tag: "Integrations",
    summary: "API keys of the organization (admins; tokens are never shown again)",
    status: 200,
    permission: "integration.manage",
    response: z.object({ data: z.array(apiKeyResource) }),
    handle: async (ctx) => {
      requirePermission(ctx.user, "integration.manage");
      return { status: 200, body: { data: (await listApiKeys(ctx.user)).map(keyJson) } };
    },
  },
  {
    operationId: "createApiKey",
    method: "POST",
    path: "/api-keys",
    tag: "Integrations",
    status: 201,
    headers: ["Idempotency-Key"],
    summary: "Create an API key acting as a role or a named user; the token is in this response only",
    useCase: "api-key.create",
    response: apiKeyResource.extend({ token: z.string() }),
    handle: async (ctx) => ({
      ...(await writeHandler("api-key.create", { respond: (_c, r) => Promise.resolve({ ...keyJson(r), token: r.token }) })(ctx)),
      status: 201,
    }),
  },
  {
    operationId: "revokeApiKey",
    method: "POST",
    path: "/api-keys/{id}/revoke",
    tag: "Integrations",
    status: 200,
    summary: "Revoke an API key (at once, for good)",
    useCase: "api-key.revoke",
    pathInput: { id: "keyId" },
    response: z.object({ id: z.string(), revokedAt: timestamp.nullable() }),
    handle: writeHandler("api-key.revoke", {
      pathInput: { id: "keyId" },
      respond: (_c, r) => Promise.resolve({ id: r.id, revokedAt: iso(r.revokedAt) }),
    }),
  },
  {
    operationId: "listWebhooks",
    method: "GET",
    path: "/webhooks",
    tag: "Integrations",
    summary: "Webhook endpoints (admins)",
    status: 200,
    permission: "integration.manage",
    response: z.object({ data: z.array(webhookResource) }),
    handle: async (ctx) => {
      requirePermission(ctx.user, "integration.manage");
      return { status: 200, body: { data: (await listWebhooks(ctx.user)).map(webhookJson) } };
    },
  },
  {
    operationId: "createWebhook",
    method: "POST",
    path: "/webhooks",
    tag: "Integrations",
    status: 201,
    headers: ["Idempotency-Key"],
    summary: "Register an endpoint for events; the signing secret is in this response only",
    useCase: "webhook.create",
    response: webhookResource.extend({ secret: z.string() }),
    handle: async (ctx) => ({
      ...(await writeHandler("webhook.create", { respond: (_c, r) => Promise.resolve({ ...webhookJson(r), secret: r.secret }) })(ctx)),
      status: 201,
    }),
  },
  {
    operationId: "updateWebhook",
    method: "POST",
    path: "/webhooks/{id}",
    tag: "Integrations",
    status: 200,
    summary: "Enable, disable or delete an endpoint",
    useCase: "webhook.update",
    pathInput: { id: "endpointId" },
    response: z.object({ id: z.string(), op: z.string() }),
    handle: writeHandler("webhook.update", { pathInput: { id: "endpointId" }, respond: (_c, r) => Promise.resolve(r) }),
  },
  {
    operationId: "listWebhookDeliveries",
    method: "GET",
    path: "/webhooks/{id}/deliveries",
    tag: "Integrations",
    status: 200,
    permission: "integration.manage",
    summary: "The endpoint's recent deliveries: status, attempts, last error",
    response: z.object({ data: z.array(deliveryResource) }),
    handle: async (ctx) => {
      requirePermission(ctx.user, "integration.manage");
      const rows = await listDeliveries(ctx.user, ctx.params.id ?? "");
      return {
        status: 200,
        body: {
          data: rows.map((d) => ({
            id: d.id,
            eventId: d.eventId,
            eventType: d.event.type,
            status: d.status as "pending" | "delivered" | "failed",
            attempts: d.attempts,
            lastStatusCode: d.lastStatusCode,
            lastError: d.lastError,
            nextAttemptAt: d.nextAttemptAt.toISOString(),
            deliveredAt: iso(d.deliveredAt),
            createdAt: d.createdAt.toISOString(),
          })),
        },
      };
    },
  },
  {
    operationId: "redeliverWebhook",
    method: "POST",
    path: "/webhook-deliveries/{id}/redeliver",
    tag: "Integrations",
    status: 201,
    summary: "Send a delivery's event again",
    useCase: "webhook.redeliver",
    pathInput: { id: "deliveryId" },
    response: z.object({ id: z.string(), endpointId: z.string(), status: z.string() }),
    handle: async (ctx) => ({
      ...(await writeHandler("webhook.redeliver", { pathInput: { id: "deliveryId" }, respond: (_c, r) => Promise.resolve(r) })(ctx)),
      status: 201,
    }),
  },
];
