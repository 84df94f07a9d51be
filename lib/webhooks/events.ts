/** Event types an endpoint can subscribe to. Shared by the settings form (client) and the server. */
export const WEBHOOK_EVENT_TYPES = [
  "lead.created",
  "lead.routed",
  "opportunity.stage_changed",
  "opportunity.stage_blocked",
  "opportunity.verdict_changed",
  "override.created",
  "criterion.changed",
  "recap.responded",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Headers of every delivery. The signature is HMAC-SHA256(secret, `${timestamp}.${body}`), hex encoded. */
export const SIGNATURE_HEADER = "winnow-signature";
export const EVENT_HEADER = "winnow-event";
export const DELIVERY_HEADER = "winnow-delivery";
/** Receivers should refuse a signature whose timestamp is further than this from their clock. */
export const REPLAY_WINDOW_SECONDS = 300;
