import * as z from "zod/mini";
import { id, optionalEmail, optionalText, preprocess, requiredText } from "./fields";

export const contactFields = z.object({
  accountId: id("Account"),
  name: requiredText("Name"),
  title: optionalText("Title", 120),
  email: optionalEmail,
  phone: preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z._default(z.nullable(z.string().check(z.trim(), z.regex(/^[+\d][\d\s().-]{4,30}$/, "Enter a phone number like +1 415 555 0100."))), null),
  ),
});

export const createContactSchema = contactFields;
export const updateContactSchema = z.extend(contactFields, { id: id("Contact") });

export const eraseContactSchema = z.object({
  contactId: id("Contact"),
  /** Why (e.g. "Erasure request received 2026-03-02"): kept in the audit trail. */
  reason: requiredText("Reason", 500),
  /** The admin must type ERASE: this cannot be undone. */
  confirm: z.literal("ERASE", { error: "Type ERASE to confirm; this cannot be undone." }),
});
