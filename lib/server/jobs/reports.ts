import type PgBoss from "pg-boss";
import type { PrismaClient } from "../db";
import { calibrationReport } from "../dashboard/calibration-report";
import { openTotalsReport } from "../dashboard/open-totals-report";
import { trendsReport } from "../insights/trend-report";
import { REFRESH_REPORT, REFRESH_REPORT_QUEUE, refreshReport, type RefreshReportJob, type ReportSpec } from "../reports/stored-report";

/** Every kind of stored report, by kind: what a refresh job recomputes. */
const SPECS = new Map<string, ReportSpec<unknown>>(
  [trendsReport, openTotalsReport, calibrationReport].map((spec) => [spec.kind, spec as ReportSpec<unknown>]),
);

/** Stored reports are recomputed here when a view finds them stale (`readReport`). */
export async function registerReportRefresh(boss: PgBoss, client: PrismaClient): Promise<void> {
  await boss.createQueue(REFRESH_REPORT, REFRESH_REPORT_QUEUE);
  await boss.work<RefreshReportJob>(REFRESH_REPORT, async (jobs) => {
    for (const { data } of jobs) {
      const spec = SPECS.get(data.kind);
      if (spec) await refreshReport(client, spec, data.organizationId, data.scope, new Date());
    }
  });
}
