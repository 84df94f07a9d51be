import "server-only";
import { z } from "zod";
import { readReport, type ReadReport, type ReportSpec } from "../reports/stored-report";
import type { SessionUser } from "../session";
import { assertCanViewInsights } from "./access";
import { computeTrends, type Trends } from "./trends";

/**
 * How old stored trends may be before a view asks for a refresh. The charts span quarters of snapshots and stage
 * moves: a quarter of an hour changes next to nothing in them, while computing them reads every snapshot of the
 * period (seconds at 100,000 deals), far too much to repeat on every dashboard view.
 */
export const TRENDS_FRESH_MS = 15 * 60_000;

const count = z.number();
const trendsSchema = z.object({
  since: z.coerce.date(),
  forecast: z.array(z.object({ quarter: z.string(), deals: count, raw: count, adjusted: count })),
  verdicts: z.array(z.object({ month: z.string(), pursue: count, unproven: count, nurture: count, disqualify: count })),
  stages: z.array(
    z.object({
      stageId: z.string(),
      label: z.string(),
      pipelineName: z.string().nullable(),
      entered: count,
      advanced: count,
      lost: count,
      conversion: count.nullable(),
      avgDays: count.nullable(),
    }),
  ),
  gaps: z.array(
    z.object({
      criterionId: z.string(),
      label: z.string(),
      pipelineName: z.string().nullable(),
      verified: count,
      claimed: count,
      negative: count,
      missing: count,
    }),
  ),
}) satisfies z.ZodType<Trends>;

/** Scope: a pipeline id, or "all". */
export const trendsReport: ReportSpec<Trends> = {
  kind: "trends",
  freshMs: TRENDS_FRESH_MS,
  schema: trendsSchema,
  compute: (organizationId, scope, now) => computeTrends(organizationId, now, scope === "all" ? null : scope),
};

/**
 * The dashboard's trends as last stored (see `readReport`). Only the first view of an organization's trends, or
 * one after an upgrade changed their shape, computes them while the viewer waits. Another organization's pipeline
 * is not found, as in `getTrends`: nothing is stored for it, so it is computed, and that refuses it.
 */
export async function readTrends(user: SessionUser, now: Date, pipelineId: string | null): Promise<ReadReport<Trends>> {
  assertCanViewInsights(user);
  return readReport(trendsReport, user.organizationId, pipelineId ?? "all", now);
}
