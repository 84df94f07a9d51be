import "server-only";
import { z } from "zod";
import type PgBoss from "pg-boss";
import { db, type PrismaClient } from "../db";
import { jobQueue, sendJob } from "../jobs/queue";
import { logger } from "../logger";
import type { SessionUser } from "../session";
import { assertCanViewInsights } from "./access";
import { computeTrends, type Trends } from "./trends";

/**
 * How old stored trends may be before a read asks for a refresh. The charts span quarters of snapshots and stage
 * moves: a quarter of an hour changes next to nothing in them, while computing them reads every snapshot of the
 * period (seconds at 100,000 deals), far too much to repeat on every dashboard view.
 */
export const TRENDS_FRESH_MS = 15 * 60_000;

export interface StoredTrends {
  trends: Trends;
  computedAt: Date;
  /** Older than TRENDS_FRESH_MS: a refresh has been asked for and the next view shows its result. */
  refreshing: boolean;
}

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

const scopeOf = (pipelineId: string | null) => pipelineId ?? "all";

/** Computes one organization's trends (one pipeline's, or all) and stores them: the background job's work. */
export async function refreshTrendReport(client: PrismaClient, organizationId: string, pipelineId: string | null, now: Date): Promise<StoredTrends> {
  const trends = await computeTrends(organizationId, now, pipelineId);
  const data = JSON.parse(JSON.stringify(trends)) as object;
  const key = { organizationId, scope: scopeOf(pipelineId) };
  await client.trendReport.upsert({
    where: { organizationId_scope: key },
    create: { ...key, data, computedAt: now },
    update: { data, computedAt: now },
  });
  return { trends, computedAt: now, refreshing: false };
}

export const REFRESH_TRENDS = "refresh-trends";
/** "stately": at most one refresh per organization and scope waits while another runs, however many views ask. */
export const REFRESH_TRENDS_QUEUE: PgBoss.Queue = { name: REFRESH_TRENDS, policy: "stately", retryLimit: 1, retryDelay: 60 };

export interface RefreshTrendsJob {
  organizationId: string;
  pipelineId: string | null;
}

const shared = globalThis as unknown as { winnowTrendRefreshes?: Map<string, Promise<void>> };

/**
 * Asks for stored trends to be recomputed: through pg-boss with a PostgreSQL server (any instance or worker
 * takes it), in this process with the embedded database; once per organization and scope at a time.
 */
async function requestTrendRefresh(organizationId: string, pipelineId: string | null): Promise<void> {
  const key = `${organizationId}:${scopeOf(pipelineId)}`;
  const boss = await jobQueue();
  if (boss) {
    await sendJob(boss, REFRESH_TRENDS_QUEUE, { organizationId, pipelineId } satisfies RefreshTrendsJob, { singletonKey: key });
    return;
  }
  const running = (shared.winnowTrendRefreshes ??= new Map());
  if (running.has(key)) return;
  const refresh = refreshTrendReport(db(), organizationId, pipelineId, new Date())
    .then(() => undefined)
    .catch((err: unknown) => logger.error({ err, organizationId }, "trends: background refresh failed"))
    .finally(() => running.delete(key));
  running.set(key, refresh);
}

/** Tests wait for in-process refreshes to finish. */
export async function inProcessTrendRefreshes(): Promise<void> {
  await Promise.all([...(shared.winnowTrendRefreshes?.values() ?? [])]);
}

/**
 * The dashboard's trends as last stored, asking for a background refresh when they are older than
 * TRENDS_FRESH_MS (the page says when they were computed). Only the first view of an organization's trends, or
 * one after an upgrade changed their shape, computes them while the viewer waits. Another organization's
 * pipeline is not found, as in `getTrends`: nothing is stored for it, so it is computed, and that refuses it.
 */
export async function readTrends(user: SessionUser, now: Date, pipelineId: string | null): Promise<StoredTrends> {
  assertCanViewInsights(user);
  const { organizationId } = user;
  const stored = await db().trendReport.findUnique({ where: { organizationId_scope: { organizationId, scope: scopeOf(pipelineId) } } });
  const parsed = stored ? trendsSchema.safeParse(stored.data) : null;
  if (!stored || !parsed?.success) return refreshTrendReport(db(), organizationId, pipelineId, now);
  const refreshing = now.getTime() - stored.computedAt.getTime() > TRENDS_FRESH_MS;
  if (refreshing) {
    // A refresh that cannot be queued must not cost the viewer the page: the stored figures still stand.
    await requestTrendRefresh(organizationId, pipelineId).catch((err: unknown) =>
      logger.error({ err, organizationId }, "trends: refresh not queued"),
    );
  }
  return { trends: parsed.data, computedAt: stored.computedAt, refreshing };
}
