import * as z from "zod/mini";
import { email, requiredText } from "./fields";
import { newPassword } from "./user";

/** A new organization and its first admin, as `npm run org:create` takes them. */
export const createOrganizationSchema = z.object({
  name: requiredText("Organization name", 120),
  slug: z
    .string({ error: "Slug is required." })
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(2, "Use at least 2 characters for the slug."),
      z.maxLength(60, "Use at most 60 characters for the slug."),
      z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single dashes for the slug (e.g. acme-eu)."),
    ),
  adminEmail: email,
  adminName: requiredText("Admin name", 120),
  /** Absent: the admin gets a one-time link to set a password. */
  adminPassword: z.optional(newPassword),
});
