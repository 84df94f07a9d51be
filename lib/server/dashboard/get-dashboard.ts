import "server-only";
import { calibrate, type Calibration } from "../../qualification";
import { db } from "../db";
import { assessMany } from "../qualification/assess";
import type { SessionUser } from "../session";
import { loadClosedOutcomes, type ClosedOutcomes } from "./closed-outcomes";
import type { DashboardParams } from "./params";
import { loadRecentHistory, type RecentHistory } from "./recent-history";
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
  /** Whether the organization has any deal at all, open or closed, whoever owns it. */
  hasDeals: boolean;
  /** The currency most open deals are in, and whether others were summed with it. */
  currency: string;
  mixedCurrencies: boolean;
  summary: PipelineSummary;
  calibration: CalibrationInfo;
  history: RecentHistory;
}

export const HISTORY_LIMIT = 15;

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

function dominantCurrency(currencies: string[]): { currency: string; mixed: boolean } {
  const counts = new Map<string, number>();
  for (const c of currencies) counts.set(c, (counts.get(c) ?? 0) + 1);
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { currency: top?.[0] ?? "USD", mixed: counts.size > 1 };
}

/**
 * The manager dashboard for the signed-in user's organization. Every score comes from the engine through
 * `assessMany`; the forecast is calibrated on the organization's closed deals when it has any.
 */
export async function getDashboard(user: SessionUser, params: DashboardParams, now: Date = new Date()): Promise<Dashboard> {
  const organizationId = user.organizationId;
  const client = db();
  const users = await client.user.findMany({
    where: { organizationId },
    select: { id: true, name: true, role: true, _count: { select: { opportunities: true } } },
    orderBy: { name: "asc" },
  });
  const userNames = new Map(users.map((u) => [u.id, u.name]));
  // Anyone who can own a deal is a filter choice: reps, and whoever already owns one.
  const owners = users.filter((u) => u.role === "rep" || u._count.opportunities > 0).map((u) => ({ id: u.id, name: u.name }));
  const ownerId = owners.find((o) => o.id === params.owner)?.id ?? null;

  const { settings, deals } = await assessMany(client, organizationId, { status: "open", ...(ownerId && { ownerId }) }, now);
  const [closed, history] = await Promise.all([
    loadClosedOutcomes(client, organizationId, settings, now),
    loadRecentHistory(client, organizationId, { ownerId: ownerId ?? undefined, pipeline: settings.pipeline, userNames, limit: HISTORY_LIMIT }),
  ]);
  const calibration = closed.outcomes.length > 0 ? calibrate(closed.outcomes, settings.pipeline) : undefined;
  const { currency, mixed } = dominantCurrency(deals.map((d) => d.row.currency));

  return {
    frameworkName: settings.framework.name,
    owners,
    ownerId,
    hasDeals: users.some((u) => u._count.opportunities > 0),
    currency,
    mixedCurrencies: mixed,
    summary: summarizePipeline(deals, settings, calibration, userNames),
    calibration: describeCalibration(closed, calibration),
    history,
  };
}
