import { z } from "zod";
import { id, optionalEmail, optionalText, requiredText } from "./fields";

export const contactFields = z.object({
  accountId: id("Account"),
  name: requiredText("Name"),
  title: optionalText("Title", 120),
  email: optionalEmail,
  phone: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z
      .string()
      .trim()
      .regex(/^[+\d][\d\s().-]{4,30}$/, "Enter a phone number like +1 415 555 0100.")
      .nullable()
      .default(null),
  ),
});

export const createContactSchema = contactFields;
export const updateContactSchema = contactFields.extend({ id: id("Contact") });

export const eraseContactSchema = z.object({
  contactId: id("Contact"),
  /** Why (e.g. "Erasure request received 2026-03-02"): kept in the audit trail. */
  reason: requiredText("Reason", 500),
  /** The admin must type ERASE: this cannot be undone. */
  confirm: z.literal("ERASE", { error: "Type ERASE to confirm; this cannot be undone." }),
});
