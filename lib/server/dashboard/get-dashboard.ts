import "server-only";
import { calibrate, type Calibration } from "../../qualification";
import { db } from "../db";
import { loadQualificationSettings } from "../qualification/settings";
import type { SessionUser } from "../session";
import { currentVersions } from "../qualification/score-currency";
import { currencyCounts, pendingScoreCount } from "./aggregates";
import { loadClosedOutcomes, type ClosedOutcomes } from "./closed-outcomes";
import type { DashboardParams } from "./params";
import { listPipelines, type PipelineOption } from "../pipeline/pipelines";
import { loadRecentHistory, type RecentHistory } from "./recent-history";
import { findRisks, type RiskPage } from "./risk-list";
import { summarizePipeline, type PipelineSummary } from "./summarize";

export interface OwnerOption {
  id: string;
  name: string;
}

/** How the adjusted forecast was priced, so the page can say it plainly. */
export interface CalibrationInfo {
  /** True when closed deals exist and were passed to the forecast. */
  used: boolean;
  closedDeals: number;
  won: number;
  lost: number;
  /** Lost deals left out because their furthest stage is not an open stage of the pipeline. */
  skipped: number;
  trustedCells: number;
  totalCells: number;
  minSample: number;
  scoredAtClose: number;
  pathUnknown: number;
}

export interface Dashboard {
  frameworkName: string;
  owners: OwnerOption[];
  /** The owner filter after checking it against the organization's users; null = everyone. */
  ownerId: string | null;
  /** The organization's pipelines, and the one filtered on after checking it (null = all pipelines). */
  pipelines: PipelineOption[];
  pipelineId: string | null;
  /** Whether the organization has any deal at all, open or closed, whoever owns it. */
  hasDeals: boolean;
  /** The currency most open deals are in, and whether others were summed with it. */
  currency: string;
  mixedCurrencies: boolean;
  summary: PipelineSummary;
  /** One page of the risk list, after the filters in `params`. */
  risks: RiskPage;
  /** Open deals whose stored score waits for a background re-score (after an ICP or settings change). */
  pending: number;
  calibration: CalibrationInfo;
  history: RecentHistory;
}

const HISTORY_LIMIT = 15;

function describeCalibration(closed: ClosedOutcomes, calibration: Calibration | undefined): CalibrationInfo {
  return {
    used: calibration !== undefined,
    closedDeals: closed.outcomes.length,
    won: closed.won,
    lost: closed.lost,
    skipped: calibration?.skipped.length ?? 0,
    trustedCells: calibration?.cells.filter((c) => c.trusted).length ?? 0,
    totalCells: calibration?.cells.length ?? 0,
    minSample: calibration?.minSample ?? 0,
    scoredAtClose: closed.scoredAtClose,
    pathUnknown: closed.pathUnknown,
  };
}

function dominantCurrency(counts: Array<{ currency: string; count: number }>): { currency: string; mixed: boolean } {
  const [top] = [...counts].sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency));
  return { currency: top?.currency ?? "USD", mixed: counts.length > 1 };
}

/**
 * The manager dashboard for the signed-in user's organization, read from the stored assessments with GROUP BY
 * queries (no deal is assessed on the way); the forecast is calibrated on the organization's closed deals when
 * it has any.
 */
export async function getDashboard(user: SessionUser, params: DashboardParams): Promise<Dashboard> {
  const organizationId = user.organizationId;
  const client = db();
  const [users, pipelines] = await Promise.all([
    client.user.findMany({
      where: { organizationId },
      select: { id: true, name: true, role: true, _count: { select: { opportunities: true } } },
      orderBy: { name: "asc" },
    }),
    listPipelines(client, organizationId),
  ]);
  // One pipeline's figures when one is chosen; otherwise all deals, with the first pipeline's stages naming them.
  const pipelineId = pipelines.find((p) => p.id === params.pipeline)?.id ?? null;
  const settings = await loadQualificationSettings(client, organizationId, pipelineId);
  const userNames = new Map(users.map((u) => [u.id, u.name]));
  // Anyone who can own a deal is a filter choice: reps, and whoever already owns one.
  const owners = users.filter((u) => u.role === "rep" || u._count.opportunities > 0).map((u) => ({ id: u.id, name: u.name }));
  const ownerId = owners.find((o) => o.id === params.owner)?.id ?? null;
  const scope = { organizationId, ownerId, pipelineId };

  const [closed, history, currencies, current] = await Promise.all([
    loadClosedOutcomes(client, organizationId, settings),
    loadRecentHistory(client, organizationId, { ownerId: ownerId ?? undefined, pipeline: settings.pipeline, userNames, limit: HISTORY_LIMIT }),
    currencyCounts(client, scope),
    currentVersions(client, organizationId),
  ]);
  const calibration = closed.outcomes.length > 0 ? calibrate(closed.outcomes, settings.pipeline) : undefined;
  const { currency, mixed } = dominantCurrency(currencies);
  const [summary, risks, pending] = await Promise.all([
    summarizePipeline(client, scope, settings, calibration),
    findRisks(client, scope, params, { after: params.after, before: params.before }, settings.pipeline, current),
    pendingScoreCount(client, scope, current),
  ]);

  return {
    frameworkName: settings.framework.name,
    owners,
    ownerId,
    pipelines,
    pipelineId,
    hasDeals: users.some((u) => u._count.opportunities > 0),
    currency,
    mixedCurrencies: mixed,
    summary,
    risks,
    pending,
    calibration: describeCalibration(closed, calibration),
    history,
  };
}
