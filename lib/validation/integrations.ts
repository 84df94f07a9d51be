import * as z from "zod/mini";
import { ROLES } from "../permissions";
import { WEBHOOK_EVENT_TYPES } from "../webhooks/events";
import { id, preprocess, requiredText } from "./fields";

/** A key acts with a chosen role (as the admin who made it) or as a named colleague with that user's role. */
export const createApiKeySchema = z
  .object({
    name: requiredText("Name", 80),
    actAs: z.enum(["role", "user"], { error: "Choose whether the key acts as a role or as a user." }),
    role: preprocess((v) => (v === "" ? undefined : v), z.optional(z.enum(ROLES, { error: "Pick a role." }))),
    userId: preprocess((v) => (v === "" ? undefined : v), z.optional(id("User"))),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.actAs === "role" && !v.role) ctx.addIssue({ code: "custom", path: ["role"], message: "Pick the role the key acts as." });
      if (v.actAs === "user" && !v.userId) ctx.addIssue({ code: "custom", path: ["userId"], message: "Pick the user the key acts as." });
    }),
  );
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ keyId: id("API key") });

/** Loopback and private addresses are allowed: self-hosted teams deliver to their own network. */
const webhookUrl = z.url({ protocol: /^https?$/, error: "Enter an http(s) URL." }).check(z.maxLength(2000));

/** Form checkboxes arrive as one string or several. */
const eventList = preprocess(
  (v) => (typeof v === "string" ? [v] : v),
  z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Unknown event type." }))
    .check(z.minLength(1, "Pick at least one event."), z.maxLength(WEBHOOK_EVENT_TYPES.length)),
);

export const createWebhookSchema = z.object({
  url: webhookUrl,
  description: preprocess((v) => (v === "" ? null : v), z._default(z.nullable(z.string().check(z.trim(), z.maxLength(200))), null)),
  events: eventList,
});

export const updateWebhookSchema = z.object({
  endpointId: id("Webhook endpoint"),
  /** enable: switch back on after it was disabled (failures reset); disable: stop deliveries; delete: remove it. */
  op: z.enum(["enable", "disable", "delete"]),
});

export const redeliverWebhookSchema = z.object({ deliveryId: id("Delivery") });
