import "server-only";
import type PgBoss from "pg-boss";
import type { z } from "zod";
import { db, type PrismaClient } from "../db";
import { jobQueue, sendJob } from "../jobs/queue";
import { logger } from "../logger";

/**
 * A report the dashboard reads as one stored row rather than aggregating on every view. The figures are still
 * computed by one function (`compute`), from the stored assessments and history; storing only decides how often.
 */
export interface ReportSpec<T> {
  kind: string;
  /** How old the stored row may be before a view asks for it to be recomputed in the background. */
  freshMs: number;
  /** What a stored row must look like to be used (an upgrade may have changed the shape: it is then recomputed). */
  schema: z.ZodType<T>;
  compute: (organizationId: string, scope: string, now: Date) => Promise<T>;
  /** Whether a result is worth storing; one that is not is computed on every view (small organizations). Default: always. */
  worthStoring?: (value: T) => boolean;
}

export interface ReadReport<T> {
  value: T;
  computedAt: Date;
  /** Older than the kind's freshness: a refresh has been asked for and a later view shows its result. */
  refreshing: boolean;
  /** False when the figures were computed for this view (the report is small enough to be live). */
  stored: boolean;
}

export const REFRESH_REPORT = "refresh-report";
/** "stately": per report (organization, kind, scope) at most one refresh waits while another runs, however many views ask. */
export const REFRESH_REPORT_QUEUE: PgBoss.Queue = { name: REFRESH_REPORT, policy: "stately", retryLimit: 1, retryDelay: 60 };

export interface RefreshReportJob {
  organizationId: string;
  kind: string;
  scope: string;
}

const shared = globalThis as unknown as { winnowReportRefreshes?: Map<string, Promise<void>> };

/**
 * Computes a report and stores it, or, when it is not worth storing, leaves nothing stored: a refresh drops the
 * row of a report that has become small (`hadRow`), a first view of a small one writes nothing at all.
 */
export async function refreshReport<T>(
  client: PrismaClient,
  spec: ReportSpec<T>,
  organizationId: string,
  scope: string,
  now: Date,
  hadRow = true,
): Promise<ReadReport<T>> {
  const value = await spec.compute(organizationId, scope, now);
  const key = { organizationId, kind: spec.kind, scope };
  if (spec.worthStoring && !spec.worthStoring(value)) {
    if (hadRow) await client.storedReport.deleteMany({ where: key });
    return { value, computedAt: now, refreshing: false, stored: false };
  }
  const data = JSON.parse(JSON.stringify(value)) as object;
  await client.storedReport.upsert({
    where: { organizationId_kind_scope: key },
    create: { ...key, data, computedAt: now },
    update: { data, computedAt: now },
  });
  return { value, computedAt: now, refreshing: false, stored: true };
}

/**
 * Asks for a report to be recomputed: through pg-boss with a PostgreSQL server (any instance or worker takes it),
 * in this process with the embedded database; once per report at a time.
 */
async function requestRefresh<T>(spec: ReportSpec<T>, organizationId: string, scope: string): Promise<void> {
  const key = `${organizationId}:${spec.kind}:${scope}`;
  const boss = await jobQueue();
  if (boss) {
    await sendJob(boss, REFRESH_REPORT_QUEUE, { organizationId, kind: spec.kind, scope } satisfies RefreshReportJob, { singletonKey: key });
    return;
  }
  const running = (shared.winnowReportRefreshes ??= new Map());
  if (running.has(key)) return;
  const refresh = refreshReport(db(), spec, organizationId, scope, new Date())
    .then(() => undefined)
    .catch((err: unknown) => logger.error({ err, organizationId, kind: spec.kind }, "stored report: background refresh failed"))
    .finally(() => running.delete(key));
  running.set(key, refresh);
}

/** Tests wait for in-process refreshes to finish. */
export async function inProcessReportRefreshes(): Promise<void> {
  await Promise.all([...(shared.winnowReportRefreshes?.values() ?? [])]);
}

/**
 * A report as stored, asking for a background refresh once it is older than its freshness; computed (and stored
 * when worth it) while the viewer waits only when no usable row exists. The caller has checked who is asking and
 * that the scope is theirs: the scope is part of the key, inside the caller's organization.
 */
export async function readReport<T>(spec: ReportSpec<T>, organizationId: string, scope: string, now: Date): Promise<ReadReport<T>> {
  const stored = await db().storedReport.findUnique({ where: { organizationId_kind_scope: { organizationId, kind: spec.kind, scope } } });
  const parsed = stored ? spec.schema.safeParse(stored.data) : null;
  if (!stored || !parsed?.success) return refreshReport(db(), spec, organizationId, scope, now, stored !== null);
  const refreshing = now.getTime() - stored.computedAt.getTime() > spec.freshMs;
  if (refreshing) {
    // A refresh that cannot be queued must not cost the viewer the page: the stored figures still stand.
    await requestRefresh(spec, organizationId, scope).catch((err: unknown) =>
      logger.error({ err, organizationId, kind: spec.kind }, "stored report: refresh not queued"),
    );
  }
  return { value: parsed.data, computedAt: stored.computedAt, refreshing, stored: true };
}
