"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { CriterionGap, ForecastPoint, StageFlow, VerdictPoint } from "@/lib/server/insights/trends";
import { chartLegend } from "@/components/ui/chart-legend";
import { formatMoney } from "@/lib/utils";
import { VERDICT_LABEL } from "@/lib/vocabulary";

const tick = { fontSize: 12, fill: "var(--color-slate-500)" };
const tooltipStyle = { backgroundColor: "var(--color-white)", borderRadius: 8, borderColor: "var(--color-slate-200)", fontSize: 12 };
const MONTH = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
/** "2026-02" as people say it: "Feb 2026". */
const monthLabel = (month: unknown) =>
  typeof month === "string" && /^\d{4}-\d{2}$/.test(month) ? MONTH.format(new Date(`${month}-01T00:00:00Z`)) : String(month);
const frame = "h-64 w-full";
const fill = { width: "100%", height: "100%" };

/** Raw vs qualification-adjusted forecast of each quarter's scorecards. */
export function ForecastTrendChart({ points, currency }: { points: ForecastPoint[]; currency: string }) {
  const compact = new Intl.NumberFormat("en-US", { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
  return (
    <div className={frame} data-testid="trend-forecast">
      <LineChart responsive data={points} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} style={fill}>
        <CartesianGrid vertical={false} stroke="var(--color-slate-200)" />
        <XAxis dataKey="quarter" tick={tick} tickLine={false} />
        <YAxis tickFormatter={(v: number) => compact.format(v)} tick={tick} tickLine={false} axisLine={false} width={64} />
        <Tooltip formatter={(v) => (typeof v === "number" ? formatMoney(v, currency) : String(v))} contentStyle={tooltipStyle} />
        <Legend {...chartLegend} />
        <Line dataKey="raw" name="Raw forecast" stroke="var(--color-indigo-300)" strokeWidth={2} isAnimationActive={false} />
        <Line dataKey="adjusted" name="Adjusted forecast" stroke="var(--color-indigo-600)" strokeWidth={2} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}

/** Deals by verdict of their last scorecard each month. */
export function VerdictTrendChart({ points }: { points: VerdictPoint[] }) {
  return (
    <div className={frame} data-testid="trend-verdicts">
      <BarChart responsive data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} style={fill}>
        <CartesianGrid vertical={false} stroke="var(--color-slate-200)" />
        <XAxis dataKey="month" tick={tick} tickLine={false} tickFormatter={monthLabel} />
        <YAxis allowDecimals={false} tick={tick} tickLine={false} axisLine={false} width={36} />
        <Tooltip contentStyle={tooltipStyle} labelFormatter={monthLabel} />
        <Legend {...chartLegend} />
        <Bar dataKey="pursue" name={VERDICT_LABEL.pursue} stackId="v" fill="var(--color-emerald-500)" isAnimationActive={false} />
        <Bar dataKey="unproven" name={VERDICT_LABEL.unproven} stackId="v" fill="var(--color-indigo-500)" isAnimationActive={false} />
        <Bar dataKey="nurture" name={VERDICT_LABEL.nurture} stackId="v" fill="var(--color-amber-500)" isAnimationActive={false} />
        <Bar dataKey="disqualify" name={VERDICT_LABEL.disqualify} stackId="v" fill="var(--color-rose-500)" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}

/** Share of deals leaving each stage forward, with average days spent in it. */
export function StageFlowChart({ stages }: { stages: StageFlow[] }) {
  const data = stages.map((s) => ({ ...s, conversionPct: s.conversion === null ? null : Math.round(s.conversion * 100) }));
  return (
    <div className={frame} data-testid="trend-stages">
      <BarChart responsive data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} style={fill}>
        <CartesianGrid vertical={false} stroke="var(--color-slate-200)" />
        <XAxis dataKey="label" tick={tick} tickLine={false} interval={0} />
        <YAxis yAxisId="pct" domain={[0, 100]} unit="%" tick={tick} tickLine={false} axisLine={false} width={44} />
        <YAxis yAxisId="days" orientation="right" unit="d" tick={tick} tickLine={false} axisLine={false} width={40} />
        <Tooltip
          contentStyle={tooltipStyle}
          formatter={(v, name) => (typeof v === "number" ? (name === "Moved forward" ? `${v}%` : `${v.toFixed(1)} days`) : "—")}
        />
        <Legend {...chartLegend} />
        <Bar yAxisId="pct" dataKey="conversionPct" name="Moved forward" fill="var(--color-indigo-600)" isAnimationActive={false} maxBarSize={36} />
        <Bar yAxisId="days" dataKey="avgDays" name="Avg days in stage" fill="var(--color-slate-300)" isAnimationActive={false} maxBarSize={36} />
      </BarChart>
    </div>
  );
}

/** Open deals per criterion by evidence state: the team's weak spots at a glance. */
export function CriterionGapChart({ gaps }: { gaps: CriterionGap[] }) {
  return (
    <div className="h-72 w-full" data-testid="trend-gaps">
      <BarChart responsive data={gaps} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }} style={fill}>
        <CartesianGrid horizontal={false} stroke="var(--color-slate-200)" />
        <XAxis type="number" allowDecimals={false} tick={tick} tickLine={false} />
        <YAxis type="category" dataKey="label" tick={tick} tickLine={false} axisLine={false} width={130} />
        <Tooltip contentStyle={tooltipStyle} />
        <Legend {...chartLegend} />
        <Bar dataKey="verified" name="Verified" stackId="g" fill="var(--color-emerald-500)" isAnimationActive={false} />
        <Bar dataKey="claimed" name="Claimed only" stackId="g" fill="var(--color-indigo-300)" isAnimationActive={false} />
        <Bar dataKey="negative" name="Negative" stackId="g" fill="var(--color-rose-500)" isAnimationActive={false} />
        <Bar dataKey="missing" name="No evidence" stackId="g" fill="var(--color-slate-200)" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
