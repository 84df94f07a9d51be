import "server-only";
import { z } from "zod";

/**
 * The dashboard's URL filters. A malformed value falls back to the team view instead of an error page: a
 * stale bookmark or a hand-edited link should still show the dashboard.
 */
export const dashboardParams = z.object({
  /** A user id of the organization, or absent / "all" for everyone. Checked against the org's users later. */
  owner: z
    .string()
    .trim()
    .regex(/^[\w-]{1,64}$/)
    .refine((v) => v !== "all")
    .optional()
    .catch(undefined),
});

export type DashboardParams = z.infer<typeof dashboardParams>;
