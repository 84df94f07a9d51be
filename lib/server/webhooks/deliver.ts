import "server-only";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER } from "../../webhooks/events";
import { signPayload } from "../../webhooks/signature";
import type { PrismaClient } from "../db";

/** Attempts per delivery before it is marked failed; waits double from 30 s (30 s, 1 min, 2 min … ~1 h). */
export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 30_000;
/** Failed attempts in a row after which an endpoint is switched off and the admin sees a banner. */
export const DISABLE_AFTER_FAILURES = 15;
/** How long a claimed delivery is hidden from other workers while it is being sent. */
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;

export const backoffDelay = (attempts: number) => BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1);

interface DeliverOptions {
  now?: Date;
  limit?: number;
}

/**
 * Sends the deliveries that are due. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease, so any number
 * of workers (app instances) can run this at once without sending one delivery twice.
 */
export async function deliverDue(client: PrismaClient, options: DeliverOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const claimed = await client.$queryRaw<Array<{ id: string }>>`
    UPDATE "WebhookDelivery" SET "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE id IN (
      SELECT d.id FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e.id = d."endpointId"
      WHERE d.status = 'pending' AND d."nextAttemptAt" <= ${now} AND e."disabledAt" IS NULL
      ORDER BY d."nextAttemptAt" LIMIT ${options.limit ?? 20}
      FOR UPDATE OF d SKIP LOCKED)
    RETURNING id`;
  for (const { id } of claimed) await attempt(client, id, now);
  return claimed.length;
}

async function attempt(client: PrismaClient, deliveryId: string, now: Date): Promise<void> {
  const delivery = await client.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { endpoint: true, event: true } });
  const { endpoint, event } = delivery;
  const body = JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt.toISOString(), data: event.payload });
  const timestamp = Math.floor(now.getTime() / 1000);
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(endpoint.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Winnow-Webhooks/1",
        [SIGNATURE_HEADER]: signPayload(endpoint.secret, body, timestamp),
        [EVENT_HEADER]: event.type,
        [DELIVERY_HEADER]: delivery.id,
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    statusCode = response.status;
    await response.body?.cancel();
    if (!response.ok) error = `HTTP ${response.status}`;
  } catch (err) {
    error = err instanceof Error ? err.message.slice(0, 500) : "request failed";
  }
  const attempts = delivery.attempts + 1;
  if (!error) {
    await client.$transaction([
      client.webhookDelivery.update({
        where: { id: delivery.id },
        data: { status: "delivered", attempts, lastStatusCode: statusCode, lastError: null, deliveredAt: now },
      }),
      client.webhookEndpoint.update({ where: { id: endpoint.id }, data: { consecutiveFailures: 0 } }),
    ]);
    return;
  }
  const failures = endpoint.consecutiveFailures + 1;
  const disable = failures >= DISABLE_AFTER_FAILURES && endpoint.disabledAt === null;
  await client.$transaction([
    client.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts,
        lastStatusCode: statusCode,
        lastError: error,
        status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
        nextAttemptAt: new Date(now.getTime() + backoffDelay(attempts)),
      },
    }),
    client.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: {
        consecutiveFailures: failures,
        ...(disable && { disabledAt: now, disabledReason: `Disabled after ${failures} failed deliveries in a row (last: ${error}).` }),
      },
    }),
  ]);
}
