import { randomUUID } from "node:crypto";
import type { WebhookEventType } from "../../webhooks/events";
import type { PrismaClient, Tx } from "../db";
import { asJson } from "../json";

/**
 * The outbox: the event and one pending delivery per subscribed, enabled endpoint are written in the caller's
 * transaction, so a change and its notification commit or fail together. Delivery happens later (jobs).
 */
export async function emitEvent(
  tx: Tx | PrismaClient,
  organizationId: string,
  type: WebhookEventType,
  payload: Record<string, unknown>,
  /** The subscribers, when the caller looked them up before its transaction (`subscribersAmong`). */
  subscribers?: Subscribers,
): Promise<void> {
  await emitEvents(tx, organizationId, type, [payload], subscribers);
}

/** The enabled endpoints of an organization subscribed to each event type. */
export type Subscribers = ReadonlyMap<WebhookEventType, Array<{ id: string }>>;

/**
 * Who receives which of these event types, from the organization's enabled endpoints read before a write's
 * transaction (`loadDeal` reads them with the deal, in its one statement). Read committed gives a lookup inside
 * the transaction no stronger guarantee: an endpoint registered while the write runs is missed either way.
 */
export function subscribersAmong(endpoints: ReadonlyArray<{ id: string; events: string[] }>, types: WebhookEventType[]): Subscribers {
  return new Map(types.map((type) => [type, endpoints.filter((r) => r.events.includes(type)).map(({ id }) => ({ id }))]));
}

/** Many events of one type (an import's leads): the subscribed endpoints are looked up once. */
export async function emitEvents(
  tx: Tx | PrismaClient,
  organizationId: string,
  type: WebhookEventType,
  payloads: Array<Record<string, unknown>>,
  subscribers?: Subscribers,
): Promise<void> {
  if (payloads.length === 0) return;
  const endpoints =
    subscribers?.get(type) ??
    (await tx.webhookEndpoint.findMany({ where: { organizationId, disabledAt: null, events: { has: type } }, select: { id: true } }));
  if (endpoints.length === 0) return;
  // Ids made here, so a whole batch (an import's leads) is two inserts, not a round trip per event.
  const events = payloads.map((payload) => ({ id: randomUUID(), organizationId, type, payload: asJson(payload) }));
  await tx.webhookEvent.createMany({ data: events });
  await tx.webhookDelivery.createMany({
    data: events.flatMap((event) => endpoints.map((e) => ({ organizationId, endpointId: e.id, eventId: event.id }))),
  });
  notifyPending();
}

/** What `recap.responded` carries: the buyer's answers to a recap, one per point. */
export interface RecapRespondedEvent {
  recapId: string;
  opportunityId: string;
  contactId: string;
  respondedAt: Date;
  answers: Array<{ criterionId: string; answer: string; outcome: string }>;
}

/**
 * The one call the recap feature (issue 7) makes when a buyer answers a recap, inside the transaction that stores
 * the answers: subscribed endpoints then receive `recap.responded` like every other event.
 */
export async function emitRecapResponded(tx: Tx | PrismaClient, organizationId: string, recap: RecapRespondedEvent): Promise<void> {
  await emitEvent(tx, organizationId, "recap.responded", { ...recap, respondedAt: recap.respondedAt.toISOString() });
}

/** Set by the job runner so a fresh event is delivered soon rather than at the next sweep. */
let onPending: (() => void) | null = null;
export function setPendingListener(listener: (() => void) | null): void {
  onPending = listener;
}
function notifyPending(): void {
  onPending?.();
}
