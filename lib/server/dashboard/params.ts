import "server-only";
import { z } from "zod";
import { VERDICT_KINDS } from "../../qualification";

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const key = z
  .string()
  .trim()
  .regex(/^[\w-]{1,64}$/);

/**
 * The dashboard's URL filters. A malformed value falls back to the team view instead of an error page: a
 * stale bookmark or a hand-edited link should still show the dashboard.
 */
export const dashboardParams = z.object({
  /** A user id of the organization, or absent / "all" for everyone. Checked against the org's users later. */
  owner: optional(key.refine((v) => v !== "all")),
  /** A pipeline id of the organization, or absent / "all" for every pipeline. Checked against the org's pipelines later. */
  pipeline: optional(key.refine((v) => v !== "all")),
  /** Risk list filters: severity level, flag kind, stage key, verdict; and its page (keyset cursors). */
  level: optional(z.enum(["critical", "warning", "blocked"])),
  flag: optional(key),
  stage: optional(key),
  verdict: optional(z.enum(VERDICT_KINDS)),
  after: optional(z.string().max(200)),
  before: optional(z.string().max(200)),
});

export type DashboardParams = z.infer<typeof dashboardParams>;
