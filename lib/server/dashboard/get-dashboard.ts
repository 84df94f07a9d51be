import "server-only";
import { db } from "../db";
import { loadAllPipelineSettings, loadQualificationSettings, type QualificationSettings } from "../qualification/settings";
import type { SessionUser } from "../session";
import { currentVersions } from "../qualification/score-currency";
import { emptyTotals } from "./aggregates";
import { readOpenTotals } from "./open-totals-report";
import { readCalibration, type PipelineCalibration } from "./calibration-report";
import type { DashboardParams } from "./params";
import { listPipelines, type PipelineOption } from "../pipeline/pipelines";
import { loadRecentHistory, type RecentHistory } from "./recent-history";
import { findRisks, type RiskPage } from "./risk-list";
import { combineSummaries, summarizePipeline, type PipelineSummary } from "./summarize";

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
  /** The open stages the risk list can be filtered on, over the pipelines shown. */
  stageChoices: Array<{ id: string; label: string }>;
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
  /** When the totals were counted, for an organization large enough that they are stored (else null: live). */
  totalsAsOf: Date | null;
  calibration: CalibrationInfo;
  history: RecentHistory;
}

const HISTORY_LIMIT = 15;

function describeCalibration(c: PipelineCalibration): CalibrationInfo {
  const { calibration } = c;
  return {
    used: calibration !== null,
    closedDeals: c.closedDeals,
    won: c.won,
    lost: c.lost,
    skipped: calibration?.skipped.length ?? 0,
    trustedCells: calibration?.cells.filter((cell) => cell.trusted).length ?? 0,
    totalCells: calibration?.cells.length ?? 0,
    minSample: calibration?.minSample ?? 0,
    scoredAtClose: c.scoredAtClose,
    pathUnknown: c.pathUnknown,
  };
}

function dominantCurrency(counts: Array<{ currency: string; count: number }>): { currency: string; mixed: boolean } {
  const [top] = [...counts].sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency));
  return { currency: top?.currency ?? "USD", mixed: counts.length > 1 };
}

/** Several pipelines' calibration notes as one: the counts add up. */
function combineCalibrations(infos: CalibrationInfo[]): CalibrationInfo {
  const sum = (f: (c: CalibrationInfo) => number) => infos.reduce((total, c) => total + f(c), 0);
  return {
    used: infos.some((c) => c.used),
    closedDeals: sum((c) => c.closedDeals),
    won: sum((c) => c.won),
    lost: sum((c) => c.lost),
    skipped: sum((c) => c.skipped),
    trustedCells: sum((c) => c.trustedCells),
    totalCells: sum((c) => c.totalCells),
    minSample: Math.max(0, ...infos.map((c) => c.minSample)),
    scoredAtClose: sum((c) => c.scoredAtClose),
    pathUnknown: sum((c) => c.pathUnknown),
  };
}

/** The stages the risk list filters on: their keys, once each (pipelines may share a key such as "discovery"). */
function stageChoices(shown: QualificationSettings[]): Array<{ id: string; label: string }> {
  const choices = new Map<string, string>();
  for (const s of shown)
    for (const stage of s.pipeline.stages) if (stage.kind === "open" && !choices.has(stage.id)) choices.set(stage.id, stage.label);
  return [...choices].map(([id, label]) => ({ id, label }));
}

/**
 * The manager dashboard for the signed-in user's organization, read from the stored assessments with GROUP BY
 * queries (no deal is assessed on the way). One pipeline's deals when one is chosen, else every pipeline's: each
 * pipeline is summarized with its own stages, framework and forecast calibrated on its own closed deals, then
 * the figures are added up.
 */
export async function getDashboard(user: SessionUser, params: DashboardParams, now = new Date()): Promise<Dashboard> {
  const organizationId = user.organizationId;
  const client = db();
  const [users, pipelines, current] = await Promise.all([
    // Whether each user owns a deal: an index probe each, where counting them would read every deal.
    client.$queryRaw<Array<{ id: string; name: string; role: string; ownsDeals: boolean }>>`
      SELECT u."id", u."name", u."role"::text AS "role",
        EXISTS (SELECT 1 FROM "Opportunity" o WHERE o."organizationId" = u."organizationId" AND o."ownerId" = u."id") AS "ownsDeals"
      FROM "User" u WHERE u."organizationId" = ${organizationId} ORDER BY u."name"`,
    listPipelines(client, organizationId),
    currentVersions(client, organizationId),
  ]);
  // Another organization's pipeline, like an unknown one, falls back to all pipelines (as the owner filter does).
  const pipelineId = pipelines.find((p) => p.id === params.pipeline)?.id ?? null;
  const shown = pipelineId
    ? [await loadQualificationSettings(client, organizationId, pipelineId)]
    : [...(await loadAllPipelineSettings(client, organizationId)).values()];
  const byId = new Map(shown.map((s) => [s.pipelineId, s]));
  const several = shown.length > 1;
  const stageLabel = (pid: string, stageId: string) => {
    const settings = byId.get(pid);
    const label = settings?.pipeline.stages.find((s) => s.id === stageId)?.label ?? stageId;
    return several && settings ? `${settings.pipelineName} · ${label}` : label;
  };
  const userNames = new Map(users.map((u) => [u.id, u.name]));
  // Anyone who can own a deal is a filter choice: reps, and whoever already owns one.
  const owners = users.filter((u) => u.role === "rep" || u.ownsDeals).map((u) => ({ id: u.id, name: u.name }));
  const ownerId = owners.find((o) => o.id === params.owner)?.id ?? null;
  const scope = { organizationId, ownerId, pipelineId };

  const [closed, totals, history, risks] = await Promise.all([
    Promise.all(shown.map((settings) => readCalibration(organizationId, settings.pipelineId, now))),
    readOpenTotals(scope, now),
    loadRecentHistory(client, organizationId, {
      ownerId: ownerId ?? undefined,
      pipelineId: pipelineId ?? undefined,
      stageLabel,
      userNames,
      limit: HISTORY_LIMIT,
    }),
    findRisks(client, scope, params, { after: params.after, before: params.before }, stageLabel, current),
  ]);
  const parts = shown.map((settings, i) => {
    const calibrated = closed[i]!.value;
    const calibration = calibrated.calibration ?? undefined;
    return {
      pipelineId: settings.pipelineId,
      pipelineName: settings.pipelineName,
      summary: summarizePipeline(totals.value.pipelines[settings.pipelineId] ?? emptyTotals(), settings, calibration),
      calibration: describeCalibration(calibrated),
    };
  });
  const { currencies, pending } = totals.value;
  const { currency, mixed } = dominantCurrency(currencies);

  return {
    frameworkName: [...new Set(shown.map((s) => s.framework.name))].join(" and "),
    owners,
    ownerId,
    pipelines,
    pipelineId,
    stageChoices: stageChoices(shown),
    hasDeals: users.some((u) => u.ownsDeals),
    currency,
    mixedCurrencies: mixed,
    summary: combineSummaries(parts),
    risks,
    pending,
    totalsAsOf: totals.stored ? totals.computedAt : null,
    calibration: combineCalibrations(parts.map((p) => p.calibration)),
    history,
  };
}
