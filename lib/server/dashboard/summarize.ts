import "server-only";
import { forecast, type Calibration, type ForecastDeal, type GapKind, type Pipeline, type VerdictKind } from "../../qualification";
import type { PrismaClient } from "../db";
import type { RiskLevel } from "../qualification/stored-assessment";
import type { QualificationSettings } from "../qualification/settings";
import { gapCounts, riskCounts, stageBandTotals, verdictCounts, type OpenScope, type StageBandTotal } from "./aggregates";

export interface StageTotals {
  stageId: string;
  label: string;
  count: number;
  amount: number;
  raw: number;
  adjusted: number;
}

export interface CriterionGaps {
  criterionId: string;
  label: string;
  weight: number;
  knockout: boolean;
  counts: Record<GapKind, number>;
  /** Open deals where this criterion is anything but verified and fresh. */
  total: number;
}

export interface PipelineSummary {
  openCount: number;
  openAmount: number;
  raw: number;
  adjusted: number;
  verdicts: Record<VerdictKind, number>;
  stages: StageTotals[];
  riskCounts: Record<RiskLevel, number>;
  gaps: CriterionGaps[];
  /** Open deals whose adjusted value used an observed win rate rather than a default factor. */
  calibratedDeals: number;
}

const stageLabelOf = (pipeline: Pipeline, id: string) => pipeline.stages.find((s) => s.id === id)?.label ?? id;

/**
 * The stage-basis forecast from per-stage, per-band totals. The engine prices a deal by its stage and band
 * only, linearly in its amount, so pricing each group's summed amount gives exactly the sum over its deals.
 */
function priceGroups(groups: StageBandTotal[], pipeline: Pipeline, calibration: Calibration | undefined) {
  const forecastDeals: ForecastDeal[] = groups.map((g) => ({
    id: `${g.stage}:${g.band}`,
    stageId: g.stage,
    amount: g.amount,
    stageProbability: pipeline.stages.find((s) => s.id === g.stage)?.probability ?? 0,
    repConfidence: null,
    intentScore: g.intent,
  }));
  return { forecastDeals, result: forecast(forecastDeals, { basis: "stage", calibration }) };
}

function stageTotals(pipeline: Pipeline, groups: StageBandTotal[], priced: ReturnType<typeof priceGroups>): StageTotals[] {
  const byStage = new Map<string, StageTotals>();
  for (const s of pipeline.stages) {
    if (s.kind === "open") byStage.set(s.id, { stageId: s.id, label: s.label, count: 0, amount: 0, raw: 0, adjusted: 0 });
  }
  groups.forEach((g, i) => {
    const f = priced.result.deals[i];
    // A deal in a stage the pipeline no longer has still counts, under its stored key, after the known stages.
    const totals = byStage.get(g.stage) ?? { stageId: g.stage, label: stageLabelOf(pipeline, g.stage), count: 0, amount: 0, raw: 0, adjusted: 0 };
    totals.count += g.count;
    totals.amount += g.amount;
    totals.raw += f?.raw ?? 0;
    totals.adjusted += f?.adjusted ?? 0;
    byStage.set(g.stage, totals);
  });
  return [...byStage.values()];
}

function criterionGaps(counted: Awaited<ReturnType<typeof gapCounts>>, settings: QualificationSettings): CriterionGaps[] {
  const rows = settings.framework.criteria.map((c): CriterionGaps => {
    const found = counted.get(c.id) ?? {};
    const counts: Record<GapKind, number> = {
      unknown: found.unknown ?? 0,
      stale: found.stale ?? 0,
      negative: found.negative ?? 0,
      unverified: found.unverified ?? 0,
    };
    return {
      criterionId: c.id,
      label: c.label,
      weight: c.weight,
      knockout: c.knockout,
      counts,
      total: counts.unknown + counts.stale + counts.negative + counts.unverified,
    };
  });
  // Weakest first; among equals, the criterion that weighs more in the score matters more.
  return rows.sort((a, b) => b.total - a.total || b.weight - a.weight);
}

/**
 * Everything the dashboard says about a set of open deals, from GROUP BY queries over their stored
 * assessments: totals, the stage-basis forecast (calibrated when closed deals exist), verdict and risk counts,
 * and criterion gaps. No deal is loaded or assessed here.
 */
export async function summarizePipeline(
  client: PrismaClient,
  scope: OpenScope,
  settings: QualificationSettings,
  calibration: Calibration | undefined,
): Promise<PipelineSummary> {
  const { pipeline } = settings;
  const [groups, verdicts, risks, gaps] = await Promise.all([
    stageBandTotals(client, scope),
    verdictCounts(client, scope),
    riskCounts(client, scope),
    gapCounts(client, scope),
  ]);
  const priced = priceGroups(groups, pipeline, calibration);
  const calibratedDeals = groups.reduce((sum, g, i) => {
    const band = priced.result.deals[i]?.band;
    const p = priced.forecastDeals[i]?.stageProbability ?? 0;
    const trusted = p > 0 && calibration?.cells.some((c) => c.stageId === g.stage && c.band === band && c.trusted && c.winRate !== null);
    return sum + (trusted ? g.count : 0);
  }, 0);
  return {
    openCount: groups.reduce((sum, g) => sum + g.count, 0),
    openAmount: groups.reduce((sum, g) => sum + g.amount, 0),
    raw: priced.result.raw,
    adjusted: priced.result.adjusted,
    verdicts,
    stages: stageTotals(pipeline, groups, priced),
    riskCounts: risks,
    gaps: criterionGaps(gaps, settings),
    calibratedDeals,
  };
}
