import "server-only";
import {
  forecast,
  toForecastDeal,
  type Calibration,
  type ForecastDeal,
  type GapKind,
  type Pipeline,
  type Severity,
  type VerdictKind,
} from "../../qualification";
import type { AssessedOpportunity } from "../qualification/assess";
import type { QualificationSettings } from "../qualification/settings";
import { toSnapshot } from "../qualification/snapshot";

export interface StageTotals {
  stageId: string;
  label: string;
  count: number;
  amount: number;
  raw: number;
  adjusted: number;
}

/** critical: a critical flag or "not a fit"; warning: any other flag or "not yet"; blocked: only the next gate holds it. */
export type RiskLevel = "critical" | "warning" | "blocked";

export interface RiskRow {
  id: string;
  name: string;
  accountName: string;
  ownerName: string;
  amount: number;
  currency: string;
  stageLabel: string;
  level: RiskLevel;
  verdict: VerdictKind;
  /** The engine's deciding reason, for nurture and disqualify verdicts. */
  verdictReason: string | null;
  flags: Array<{ severity: Severity; text: string }>;
  gate: { toStageLabel: string; blockers: string[] } | null;
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
  risks: RiskRow[];
  gaps: CriterionGaps[];
  /** Open deals whose adjusted value used an observed win rate rather than a default factor. */
  calibratedDeals: number;
}

const LEVEL_RANK: Record<RiskLevel, number> = { critical: 0, warning: 1, blocked: 2 };

const stageLabelOf = (pipeline: Pipeline, id: string) => pipeline.stages.find((s) => s.id === id)?.label ?? id;

function riskOf(deal: AssessedOpportunity, pipeline: Pipeline, ownerName: string): RiskRow | null {
  const { row, assessment } = deal;
  const { flags, verdict, nextGate } = assessment;
  const blocked = nextGate !== null && !nextGate.allowed;
  let level: RiskLevel | null = null;
  if (verdict.verdict === "disqualify" || flags.some((f) => f.severity === "critical")) level = "critical";
  else if (verdict.verdict === "nurture" || flags.length > 0) level = "warning";
  else if (blocked) level = "blocked";
  if (level === null) return null;
  const verdictReason = verdict.verdict === "pursue" ? null : (verdict.reasons[0]?.text ?? null);
  return {
    id: row.id,
    name: row.name,
    accountName: row.account.name,
    ownerName,
    amount: Number(row.amount),
    currency: row.currency,
    stageLabel: stageLabelOf(pipeline, row.stage),
    level,
    verdict: verdict.verdict,
    verdictReason,
    // Critical first: the row shows the worst news at the top. A flag that is itself the verdict's reason
    // (a critical stale deal means nurture) is said once.
    flags: flags
      .filter((f) => f.text !== verdictReason)
      .map((f) => ({ severity: f.severity, text: f.text }))
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "critical" ? -1 : 1)),
    gate: blocked ? { toStageLabel: stageLabelOf(pipeline, nextGate.toStageId), blockers: nextGate.blockers.map((b) => b.message) } : null,
  };
}

function stageTotals(pipeline: Pipeline, forecastDeals: ForecastDeal[], result: ReturnType<typeof forecast>): StageTotals[] {
  const byStage = new Map<string, StageTotals>();
  for (const s of pipeline.stages) {
    if (s.kind === "open") byStage.set(s.id, { stageId: s.id, label: s.label, count: 0, amount: 0, raw: 0, adjusted: 0 });
  }
  forecastDeals.forEach((d, i) => {
    const f = result.deals[i];
    // A deal in a stage the pipeline no longer has still counts, under its stored key, after the known stages.
    const totals = byStage.get(d.stageId) ?? { stageId: d.stageId, label: stageLabelOf(pipeline, d.stageId), count: 0, amount: 0, raw: 0, adjusted: 0 };
    totals.count++;
    totals.amount += d.amount;
    totals.raw += f?.raw ?? 0;
    totals.adjusted += f?.adjusted ?? 0;
    byStage.set(d.stageId, totals);
  });
  return [...byStage.values()];
}

function criterionGaps(deals: AssessedOpportunity[], settings: QualificationSettings): CriterionGaps[] {
  const rows = settings.framework.criteria.map((c): CriterionGaps => ({
    criterionId: c.id, label: c.label, weight: c.weight, knockout: c.knockout,
    counts: { unknown: 0, stale: 0, negative: 0, unverified: 0 }, total: 0,
  }));
  const byId = new Map(rows.map((r) => [r.criterionId, r]));
  for (const { assessment } of deals) {
    for (const gap of assessment.intent.gaps) {
      const row = byId.get(gap.criterionId);
      if (!row) continue;
      row.counts[gap.kind]++;
      row.total++;
    }
  }
  // Weakest first; among equals, the criterion that weighs more in the score matters more.
  return rows.sort((a, b) => b.total - a.total || b.weight - a.weight);
}

/**
 * Everything the dashboard says about a set of open deals, from their engine assessments: totals, the
 * stage-basis forecast (calibrated when closed deals exist), verdict counts, the risk list and criterion gaps.
 */
export function summarizePipeline(
  deals: AssessedOpportunity[],
  settings: QualificationSettings,
  calibration: Calibration | undefined,
  ownerNames: ReadonlyMap<string, string>,
): PipelineSummary {
  const { pipeline } = settings;
  const forecastDeals = deals.map((d) => toForecastDeal(toSnapshot(d.row), pipeline, d.assessment.intent));
  const result = forecast(forecastDeals, { basis: "stage", calibration });

  const verdicts: Record<VerdictKind, number> = { pursue: 0, nurture: 0, disqualify: 0 };
  for (const d of deals) verdicts[d.assessment.verdict.verdict]++;

  const risks = deals
    .map((d) => riskOf(d, pipeline, ownerNames.get(d.row.ownerId) ?? "Unknown"))
    .filter((r): r is RiskRow => r !== null)
    .sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || b.amount - a.amount || a.name.localeCompare(b.name));

  const calibratedDeals = forecastDeals.filter((d, i) => {
    const band = result.deals[i]?.band;
    return d.stageProbability > 0 && calibration?.cells.some((c) => c.stageId === d.stageId && c.band === band && c.trusted && c.winRate !== null);
  }).length;

  return {
    openCount: deals.length,
    openAmount: forecastDeals.reduce((sum, d) => sum + d.amount, 0),
    raw: result.raw,
    adjusted: result.adjusted,
    verdicts,
    stages: stageTotals(pipeline, forecastDeals, result),
    risks,
    gaps: criterionGaps(deals, settings),
    calibratedDeals,
  };
}
