import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { createWebhookSchema, redeliverWebhookSchema, updateWebhookSchema } from "../../validation/integrations";
import { recordAudit } from "../audit";
import { db } from "../db";
import { notFound } from "../errors";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

/** The signing secret is returned here once; the settings page shows it then and only its last characters later. */
export async function createWebhook(user: SessionUser, input: z.infer<typeof createWebhookSchema>) {
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  return db().$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        organizationId: user.organizationId,
        url: input.url,
        description: input.description,
        events: input.events,
        secret,
        createdById: user.id,
      },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "webhook",
      entityId: endpoint.id,
      action: "create",
      after: { url: endpoint.url, events: endpoint.events },
    });
    return endpoint;
  });
}

export async function updateWebhook(user: SessionUser, input: z.infer<typeof updateWebhookSchema>) {
  return db().$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: inOrg(user, { id: input.endpointId }) });
    if (!endpoint) throw notFound("Webhook endpoint");
    if (input.op === "delete") {
      await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    } else {
      await tx.webhookEndpoint.update({
        where: { id: endpoint.id },
        data:
          input.op === "enable"
            ? { disabledAt: null, disabledReason: null, consecutiveFailures: 0 }
            : { disabledAt: new Date(), disabledReason: `Disabled by ${user.name}.` },
      });
    }
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "webhook",
      entityId: endpoint.id,
      action: input.op,
      before: { url: endpoint.url, disabledAt: endpoint.disabledAt },
    });
    return { id: endpoint.id, op: input.op };
  });
}

/** Sends an event again as a new delivery (the old one stays in the log as it was). */
export async function redeliverWebhook(user: SessionUser, input: z.infer<typeof redeliverWebhookSchema>) {
  const delivery = await db().webhookDelivery.findFirst({ where: inOrg(user, { id: input.deliveryId }) });
  if (!delivery) throw notFound("Delivery");
  const copy = await db().webhookDelivery.create({
    data: { organizationId: user.organizationId, endpointId: delivery.endpointId, eventId: delivery.eventId },
  });
  return { id: copy.id, endpointId: copy.endpointId, status: copy.status };
}

const secretHint = (secret: string) => `…${secret.slice(-4)}`;

export async function listWebhooks(user: SessionUser) {
  const endpoints = await db().webhookEndpoint.findMany({ where: inOrg(user), orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return endpoints.map(({ secret, ...e }) => ({ ...e, secretHint: secretHint(secret) }));
}

export async function listDeliveries(user: SessionUser, endpointId: string, take = 50) {
  const endpoint = await db().webhookEndpoint.findFirst({ where: inOrg(user, { id: endpointId }), select: { id: true } });
  if (!endpoint) throw notFound("Webhook endpoint");
  return db().webhookDelivery.findMany({
    where: { endpointId: endpoint.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    include: { event: { select: { type: true, createdAt: true } } },
  });
}
