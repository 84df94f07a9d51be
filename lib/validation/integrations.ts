import { z } from "zod";
import { ROLES } from "../permissions";
import { WEBHOOK_EVENT_TYPES } from "../webhooks/events";
import { id, requiredText } from "./fields";

/** A key acts with a chosen role (as the admin who made it) or as a named colleague with that user's role. */
export const createApiKeySchema = z
  .object({
    name: requiredText("Name", 80),
    actAs: z.enum(["role", "user"], { error: "Choose whether the key acts as a role or as a user." }),
    role: z.preprocess((v) => (v === "" ? undefined : v), z.enum(ROLES, { error: "Pick a role." }).optional()),
    userId: z.preprocess((v) => (v === "" ? undefined : v), id("User").optional()),
  })
  .superRefine((v, ctx) => {
    if (v.actAs === "role" && !v.role) ctx.addIssue({ code: "custom", path: ["role"], message: "Pick the role the key acts as." });
    if (v.actAs === "user" && !v.userId) ctx.addIssue({ code: "custom", path: ["userId"], message: "Pick the user the key acts as." });
  });
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ keyId: id("API key") });

/** Loopback and private addresses are allowed: self-hosted teams deliver to their own network. */
const webhookUrl = z.url({ protocol: /^https?$/, error: "Enter an http(s) URL." }).max(2000);

/** Form checkboxes arrive as one string or several. */
const eventList = z.preprocess(
  (v) => (typeof v === "string" ? [v] : v),
  z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Unknown event type." }))
    .min(1, "Pick at least one event.")
    .max(WEBHOOK_EVENT_TYPES.length),
);

export const createWebhookSchema = z.object({
  url: webhookUrl,
  description: z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(200).nullable().default(null)),
  events: eventList,
});

export const updateWebhookSchema = z.object({
  endpointId: id("Webhook endpoint"),
  /** enable: switch back on after it was disabled (failures reset); disable: stop deliveries; delete: remove it. */
  op: z.enum(["enable", "disable", "delete"]),
});

export const redeliverWebhookSchema = z.object({ deliveryId: id("Delivery") });
