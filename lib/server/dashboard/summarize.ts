import "server-only";
import { forecast, type Calibration, type ForecastDeal, type GapKind, type Pipeline, type VerdictKind } from "../../qualification";
import type { RiskLevel } from "../qualification/stored-assessment";
import type { QualificationSettings } from "../qualification/settings";
import type { PipelineTotals, StageBandTotal } from "./aggregates";

export interface StageTotals {
  /** The stage key; `pipelineId:key` when several pipelines are summed, so every row stays distinct. */
  stageId: string;
  label: string;
  /** The pipeline the stage is of, when several pipelines are shown together; null for one pipeline. */
  pipelineName: string | null;
  count: number;
  amount: number;
  raw: number;
  adjusted: number;
}

export interface CriterionGaps {
  /** The criterion id; `pipelineId:id` when several pipelines are summed (each has its own framework). */
  criterionId: string;
  label: string;
  /** The pipeline whose framework the criterion is of, when several pipelines are shown together. */
  pipelineName: string | null;
  weight: number;
  knockout: boolean;
  counts: Record<GapKind, number>;
  /** Open deals where this criterion is anything but verified and fresh. */
  total: number;
  /** Open deals the criterion applies to (its pipeline's). */
  openCount: number;
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
    if (s.kind === "open") byStage.set(s.id, { stageId: s.id, label: s.label, pipelineName: null, count: 0, amount: 0, raw: 0, adjusted: 0 });
  }
  groups.forEach((g, i) => {
    const f = priced.result.deals[i];
    // A deal in a stage the pipeline no longer has still counts, under its stored key, after the known stages.
    const totals = byStage.get(g.stage) ?? {
      stageId: g.stage,
      label: stageLabelOf(pipeline, g.stage),
      pipelineName: null,
      count: 0,
      amount: 0,
      raw: 0,
      adjusted: 0,
    };
    totals.count += g.count;
    totals.amount += g.amount;
    totals.raw += f?.raw ?? 0;
    totals.adjusted += f?.adjusted ?? 0;
    byStage.set(g.stage, totals);
  });
  return [...byStage.values()];
}

/** Weakest first; among equals, the criterion that weighs more in the score matters more. */
const weakestFirst = (a: CriterionGaps, b: CriterionGaps) => b.total - a.total || b.weight - a.weight;

function criterionGaps(counted: PipelineTotals["gaps"], settings: QualificationSettings, openCount: number): CriterionGaps[] {
  const rows = settings.framework.criteria.map((c): CriterionGaps => {
    const found = counted[c.id] ?? {};
    const counts: Record<GapKind, number> = {
      unknown: found.unknown ?? 0,
      stale: found.stale ?? 0,
      negative: found.negative ?? 0,
      unverified: found.unverified ?? 0,
    };
    return {
      criterionId: c.id,
      label: c.label,
      pipelineName: null,
      weight: c.weight,
      knockout: c.knockout,
      counts,
      total: counts.unknown + counts.stale + counts.negative + counts.unverified,
      openCount,
    };
  });
  return rows.sort(weakestFirst);
}

const sumRecord = <K extends string>(records: Array<Record<K, number>>): Record<K, number> => {
  const [first, ...rest] = records;
  const sum = { ...first } as Record<K, number>;
  for (const r of rest) for (const k of Object.keys(r) as K[]) sum[k] = (sum[k] ?? 0) + r[k];
  return sum;
};

/**
 * Several pipelines' summaries as one: totals, verdicts and risks add up; each pipeline keeps its own stages and
 * criteria (they differ by framework), named after it and given ids that stay distinct across pipelines.
 */
export function combineSummaries(parts: Array<{ pipelineId: string; pipelineName: string; summary: PipelineSummary }>): PipelineSummary {
  const [only] = parts;
  if (parts.length === 1 && only) return only.summary;
  return {
    openCount: parts.reduce((sum, p) => sum + p.summary.openCount, 0),
    openAmount: parts.reduce((sum, p) => sum + p.summary.openAmount, 0),
    raw: parts.reduce((sum, p) => sum + p.summary.raw, 0),
    adjusted: parts.reduce((sum, p) => sum + p.summary.adjusted, 0),
    calibratedDeals: parts.reduce((sum, p) => sum + p.summary.calibratedDeals, 0),
    verdicts: sumRecord(parts.map((p) => p.summary.verdicts)),
    riskCounts: sumRecord(parts.map((p) => p.summary.riskCounts)),
    stages: parts.flatMap((p) => p.summary.stages.map((s) => ({ ...s, stageId: `${p.pipelineId}:${s.stageId}`, pipelineName: p.pipelineName }))),
    gaps: parts
      .flatMap((p) => p.summary.gaps.map((g) => ({ ...g, criterionId: `${p.pipelineId}:${g.criterionId}`, pipelineName: p.pipelineName })))
      .sort(weakestFirst),
  };
}

/**
 * Everything the dashboard says about one pipeline's open deals, from their totals (`openDealTotals`): the
 * stage-basis forecast (calibrated when closed deals exist), verdict and risk counts, and criterion gaps.
 * No deal is loaded or assessed here.
 */
export function summarizePipeline(totals: PipelineTotals, settings: QualificationSettings, calibration: Calibration | undefined): PipelineSummary {
  const { pipeline } = settings;
  const { groups } = totals;
  const priced = priceGroups(groups, pipeline, calibration);
  const calibratedDeals = groups.reduce((sum, g, i) => {
    const band = priced.result.deals[i]?.band;
    const p = priced.forecastDeals[i]?.stageProbability ?? 0;
    const trusted = p > 0 && calibration?.cells.some((c) => c.stageId === g.stage && c.band === band && c.trusted && c.winRate !== null);
    return sum + (trusted ? g.count : 0);
  }, 0);
  const openCount = groups.reduce((sum, g) => sum + g.count, 0);
  return {
    openCount,
    openAmount: groups.reduce((sum, g) => sum + g.amount, 0),
    raw: priced.result.raw,
    adjusted: priced.result.adjusted,
    verdicts: totals.verdicts,
    stages: stageTotals(pipeline, groups, priced),
    riskCounts: totals.risks,
    gaps: criterionGaps(totals.gaps, settings, openCount),
    calibratedDeals,
  };
}
