import "server-only";
import { DEFAULT_BAND_FACTORS, qualificationBand, VERDICT_KINDS, type Pipeline, type VerdictKind } from "../../qualification";
import { Prisma, readDb } from "../db";
import { loadAllPipelineSettings, loadQualificationSettings } from "../qualification/settings";
import type { SessionUser } from "../session";
import { assertCanViewInsights, quarterStart } from "./access";

/** Quarters the trends look back over, this one included. */
const TREND_QUARTERS = 4;

export interface ForecastPoint {
  quarter: string;
  deals: number;
  raw: number;
  adjusted: number;
}
export type VerdictPoint = { month: string } & Record<VerdictKind, number>;
export interface StageFlow {
  /** The stage key; `pipelineId:key` when several pipelines are shown. */
  stageId: string;
  label: string;
  /** The stage's pipeline, when several pipelines are shown together. */
  pipelineName: string | null;
  entered: number;
  advanced: number;
  lost: number;
  conversion: number | null;
  avgDays: number | null;
}
export interface CriterionGap {
  /** The criterion id; `pipelineId:id` when several pipelines are shown. */
  criterionId: string;
  label: string;
  /** The pipeline whose framework the criterion is of, when several pipelines are shown together. */
  pipelineName: string | null;
  verified: number;
  claimed: number;
  negative: number;
  missing: number;
}

export interface Trends {
  since: Date;
  forecast: ForecastPoint[];
  verdicts: VerdictPoint[];
  stages: StageFlow[];
  gaps: CriterionGap[];
}

const label = (d: Date, unit: "quarter" | "month") =>
  unit === "quarter"
    ? `${d.getUTCFullYear()} Q${Math.floor(d.getUTCMonth() / 3) + 1}`
    : `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;

/**
 * Per quarter, every deal's last open-stage scorecard of that quarter: its amount at the stage's probability (raw)
 * and times its qualification band's factor (adjusted). SQL groups by quarter, stage and intent (a bounded
 * number of rows); the engine's band factors turn those into money.
 */
async function forecastByQuarter(organizationId: string, pipelineId: string, pipeline: Pipeline, since: Date): Promise<ForecastPoint[]> {
  const open = pipeline.stages.filter((s) => s.kind === "open").map((s) => s.id);
  const rows = await readDb().$queryRaw<Array<{ quarter: Date; stage: string; intent: number; deals: number; amount: number }>>(Prisma.sql`
    SELECT quarter, stage, intent, count(*)::int AS deals, sum(amount)::float8 AS amount FROM (
      SELECT DISTINCT ON (date_trunc('quarter', s.at), s."opportunityId")
             date_trunc('quarter', s.at) AS quarter, s.stage, s.intent, o.amount
      FROM "ScoreSnapshot" s JOIN "Opportunity" o ON o.id = s."opportunityId" AND o."organizationId" = s."organizationId"
      WHERE s."organizationId" = ${organizationId} AND o."pipelineId" = ${pipelineId} AND s.at >= ${since} AND s.stage = ANY(${open}::text[])
      ORDER BY date_trunc('quarter', s.at), s."opportunityId", s.at DESC, s.id DESC
    ) latest
    GROUP BY quarter, stage, intent ORDER BY quarter`);
  const probability = new Map(pipeline.stages.map((s) => [s.id, s.probability]));
  const byQuarter = new Map<string, ForecastPoint>();
  for (const r of rows) {
    const key = label(r.quarter, "quarter");
    const point = byQuarter.get(key) ?? { quarter: key, deals: 0, raw: 0, adjusted: 0 };
    const raw = Number(r.amount) * (probability.get(r.stage) ?? 0);
    point.deals += r.deals;
    point.raw += raw;
    point.adjusted += Math.min(Number(r.amount), raw * DEFAULT_BAND_FACTORS[qualificationBand(r.intent)]);
    byQuarter.set(key, point);
  }
  return [...byQuarter.values()];
}

const isVerdict = (v: string): v is VerdictKind => VERDICT_KINDS.some((k) => k === v);

/** Per month, the verdict of each deal's last scorecard that month. */
async function verdictsByMonth(organizationId: string, pipelineId: string | null, since: Date): Promise<VerdictPoint[]> {
  const rows = await readDb().$queryRaw<Array<{ month: Date; verdict: string; deals: number }>>(Prisma.sql`
    SELECT month, verdict, count(*)::int AS deals FROM (
      SELECT DISTINCT ON (date_trunc('month', s.at), s."opportunityId") date_trunc('month', s.at) AS month, s.verdict
      FROM "ScoreSnapshot" s
      ${pipelineId ? Prisma.sql`JOIN "Opportunity" o ON o.id = s."opportunityId" AND o."organizationId" = s."organizationId" AND o."pipelineId" = ${pipelineId}` : Prisma.empty}
      WHERE s."organizationId" = ${organizationId} AND s.at >= ${since}
      ORDER BY date_trunc('month', s.at), s."opportunityId", s.at DESC, s.id DESC
    ) latest
    GROUP BY month, verdict ORDER BY month`);
  const byMonth = new Map<string, VerdictPoint>();
  for (const r of rows) {
    const key = label(r.month, "month");
    const point = byMonth.get(key) ?? { month: key, pursue: 0, unproven: 0, nurture: 0, disqualify: 0 };
    if (isVerdict(r.verdict)) point[r.verdict] += r.deals;
    byMonth.set(key, point);
  }
  return [...byMonth.values()];
}

/**
 * Per open stage, from the stage moves of the period: deals that left it forward or into a lost stage, the share
 * that went forward, and the average days spent in it (since the deal's previous move, or its creation).
 */
async function stageFlow(organizationId: string, pipelineId: string, pipeline: Pipeline, since: Date): Promise<StageFlow[]> {
  const lostStages = pipeline.stages.filter((s) => s.kind === "lost").map((s) => s.id);
  const rows = await readDb().$queryRaw<Array<{ stage: string; entered: number; advanced: number; lost: number; avgDays: number | null }>>(Prisma.sql`
    WITH moves AS (
      SELECT sc."fromStage", sc."toStage", sc.at,
             COALESCE(LAG(sc.at) OVER (PARTITION BY sc."opportunityId" ORDER BY sc.at, sc.id), o."createdAt") AS entered
      FROM "StageChange" sc JOIN "Opportunity" o ON o.id = sc."opportunityId" AND o."organizationId" = sc."organizationId"
      WHERE sc."organizationId" = ${organizationId} AND o."pipelineId" = ${pipelineId} AND sc.at >= ${since}
    )
    SELECT stage, sum(entered)::int AS entered, sum(advanced)::int AS advanced, sum(lost)::int AS lost, (sum(days) / NULLIF(sum(advanced + lost), 0))::float8 AS "avgDays"
    FROM (
      SELECT "fromStage" AS stage, 0 AS entered,
             CASE WHEN "toStage" = ANY(${lostStages}::text[]) THEN 0 ELSE 1 END AS advanced,
             CASE WHEN "toStage" = ANY(${lostStages}::text[]) THEN 1 ELSE 0 END AS lost,
             EXTRACT(EPOCH FROM (at - entered)) / 86400 AS days
      FROM moves
      UNION ALL
      SELECT "toStage", 1, 0, 0, 0 FROM moves
    ) flows
    GROUP BY stage`);
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  return pipeline.stages
    .filter((s) => s.kind === "open")
    .map((s) => {
      const r = byStage.get(s.id);
      const advanced = r?.advanced ?? 0;
      const lost = r?.lost ?? 0;
      return {
        stageId: s.id,
        label: s.label,
        pipelineName: null,
        entered: r?.entered ?? 0,
        advanced,
        lost,
        conversion: advanced + lost > 0 ? advanced / (advanced + lost) : null,
        avgDays: r?.avgDays ?? null,
      };
    });
}

/** Open deals per criterion by the state of its evidence; a deal with no row for a criterion counts as missing. */
async function criterionGaps(organizationId: string, pipelineId: string, criteria: Array<{ id: string; label: string }>): Promise<CriterionGap[]> {
  const [rows, openDeals] = await Promise.all([
    readDb().$queryRaw<Array<{ criterionId: string; state: string; deals: number }>>(Prisma.sql`
      SELECT cs."criterionId", cs.state::text AS state, count(*)::int AS deals
      FROM "CriterionState" cs JOIN "Opportunity" o ON o.id = cs."opportunityId" AND o."organizationId" = cs."organizationId"
      WHERE cs."organizationId" = ${organizationId} AND o."pipelineId" = ${pipelineId} AND o.status = 'open'
      GROUP BY cs."criterionId", cs.state`),
    readDb().opportunity.count({ where: { organizationId, pipelineId, status: "open" } }),
  ]);
  return criteria.map((c) => {
    const count = (state: string) => rows.find((r) => r.criterionId === c.id && r.state === state)?.deals ?? 0;
    const [verified, claimed, negative] = [count("verified"), count("claimed"), count("negative")];
    return {
      criterionId: c.id,
      label: c.label,
      pipelineName: null,
      verified,
      claimed,
      negative,
      missing: Math.max(0, openDeals - verified - claimed - negative),
    };
  });
}

/** Quarters in order, each pipeline's forecast of the quarter added up. */
function addQuarters(series: ForecastPoint[][]): ForecastPoint[] {
  const byQuarter = new Map<string, ForecastPoint>();
  for (const p of series.flat()) {
    const point = byQuarter.get(p.quarter) ?? { quarter: p.quarter, deals: 0, raw: 0, adjusted: 0 };
    point.deals += p.deals;
    point.raw += p.raw;
    point.adjusted += p.adjusted;
    byQuarter.set(p.quarter, point);
  }
  return [...byQuarter.values()].sort((a, b) => a.quarter.localeCompare(b.quarter));
}

/**
 * The manager's trend charts: forecast, verdict mix, stage flow and criterion gaps over the last quarters, of one
 * pipeline (another organization's is not found) or of all: each pipeline's figures with its own stages and
 * framework, the forecast and verdict mix added up.
 */
export async function getTrends(user: SessionUser, now: Date, pipelineId: string | null = null): Promise<Trends> {
  assertCanViewInsights(user);
  return computeTrends(user.organizationId, now, pipelineId);
}

/** `getTrends` for a caller that has checked who is asking (the stored report and its background refresh). */
export async function computeTrends(organizationId: string, now: Date, pipelineId: string | null): Promise<Trends> {
  const shown = pipelineId
    ? [await loadQualificationSettings(readDb(), organizationId, pipelineId)]
    : [...(await loadAllPipelineSettings(readDb(), organizationId)).values()];
  const several = shown.length > 1;
  const since = quarterStart(now, TREND_QUARTERS - 1);
  const [parts, verdicts] = await Promise.all([
    Promise.all(
      shown.map(async (settings) => {
        const [forecast, stages, gaps] = await Promise.all([
          forecastByQuarter(organizationId, settings.pipelineId, settings.pipeline, since),
          stageFlow(organizationId, settings.pipelineId, settings.pipeline, since),
          criterionGaps(
            organizationId,
            settings.pipelineId,
            settings.framework.criteria.map((c) => ({ id: c.id, label: c.label })),
          ),
        ]);
        if (!several) return { forecast, stages, gaps };
        // Each pipeline's rows named after it (the charts show labels only), their ids kept distinct (pipelines may share stage and criterion keys).
        const { pipelineId: id, pipelineName } = settings;
        return {
          forecast,
          stages: stages.map((s) => ({ ...s, stageId: `${id}:${s.stageId}`, label: `${pipelineName} · ${s.label}`, pipelineName })),
          gaps: gaps.map((g) => ({ ...g, criterionId: `${id}:${g.criterionId}`, label: `${pipelineName} · ${g.label}`, pipelineName })),
        };
      }),
    ),
    verdictsByMonth(organizationId, pipelineId, since),
  ]);
  return {
    since,
    forecast: addQuarters(parts.map((p) => p.forecast)),
    verdicts,
    stages: parts.flatMap((p) => p.stages),
    gaps: parts.flatMap((p) => p.gaps),
  };
}
