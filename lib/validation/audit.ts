import { z } from "zod";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && v >= "1900-01-01" && v <= "2199-12-31")
  .optional()
  .catch(undefined);
const key = z
  .string()
  .trim()
  .max(64)
  .regex(/^[A-Za-z0-9_-]*$/)
  .optional()
  .catch(undefined)
  .transform((v) => v || undefined);

/** Audit log filters from the URL; anything unusable means "no filter", never an error. */
export const auditFilterSchema = z.object({
  actor: key,
  entity: key,
  action: key,
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;
