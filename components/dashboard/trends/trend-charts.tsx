"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { CriterionGap, ForecastPoint, StageFlow, VerdictPoint } from "@/lib/server/insights/trends";
import { formatMoney } from "@/lib/utils";

const tick = { fontSize: 12, fill: "#64748b" };
const tooltipStyle = { borderRadius: 8, borderColor: "#e2e8f0", fontSize: 12 };
const legend = { iconType: "circle" as const, iconSize: 8, wrapperStyle: { fontSize: 12 } };
const frame = "h-64 w-full";
const fill = { width: "100%", height: "100%" };

/** Raw vs qualification-adjusted forecast of each quarter's scorecards. */
export function ForecastTrendChart({ points, currency }: { points: ForecastPoint[]; currency: string }) {
  const compact = new Intl.NumberFormat("en-US", { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
  return (
    <div className={frame} data-testid="trend-forecast">
      <LineChart responsive data={points} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} style={fill}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="quarter" tick={tick} tickLine={false} />
        <YAxis tickFormatter={(v: number) => compact.format(v)} tick={tick} tickLine={false} axisLine={false} width={64} />
        <Tooltip formatter={(v) => (typeof v === "number" ? formatMoney(v, currency) : String(v))} contentStyle={tooltipStyle} />
        <Legend {...legend} />
        <Line dataKey="raw" name="Raw forecast" stroke="#a5b4fc" strokeWidth={2} isAnimationActive={false} />
        <Line dataKey="adjusted" name="Adjusted forecast" stroke="#4f46e5" strokeWidth={2} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}

/** Deals by verdict of their last scorecard each month. */
export function VerdictTrendChart({ points }: { points: VerdictPoint[] }) {
  return (
    <div className={frame} data-testid="trend-verdicts">
      <BarChart responsive data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} style={fill}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="month" tick={tick} tickLine={false} />
        <YAxis allowDecimals={false} tick={tick} tickLine={false} axisLine={false} width={36} />
        <Tooltip contentStyle={tooltipStyle} />
        <Legend {...legend} />
        <Bar dataKey="pursue" name="Pursue" stackId="v" fill="#10b981" isAnimationActive={false} />
        <Bar dataKey="nurture" name="Nurture" stackId="v" fill="#f59e0b" isAnimationActive={false} />
        <Bar dataKey="disqualify" name="Disqualify" stackId="v" fill="#ef4444" isAnimationActive={false} />
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
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={tick} tickLine={false} interval={0} />
        <YAxis yAxisId="pct" domain={[0, 100]} unit="%" tick={tick} tickLine={false} axisLine={false} width={44} />
        <YAxis yAxisId="days" orientation="right" unit="d" tick={tick} tickLine={false} axisLine={false} width={40} />
        <Tooltip contentStyle={tooltipStyle} formatter={(v, name) => (typeof v === "number" ? (name === "Moved forward" ? `${v}%` : `${v.toFixed(1)} days`) : "—")} />
        <Legend {...legend} />
        <Bar yAxisId="pct" dataKey="conversionPct" name="Moved forward" fill="#4f46e5" isAnimationActive={false} maxBarSize={36} />
        <Bar yAxisId="days" dataKey="avgDays" name="Avg days in stage" fill="#cbd5e1" isAnimationActive={false} maxBarSize={36} />
      </BarChart>
    </div>
  );
}

/** Open deals per criterion by evidence state: the team's weak spots at a glance. */
export function CriterionGapChart({ gaps }: { gaps: CriterionGap[] }) {
  return (
    <div className="h-72 w-full" data-testid="trend-gaps">
      <BarChart responsive data={gaps} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }} style={fill}>
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis type="number" allowDecimals={false} tick={tick} tickLine={false} />
        <YAxis type="category" dataKey="label" tick={tick} tickLine={false} axisLine={false} width={130} />
        <Tooltip contentStyle={tooltipStyle} />
        <Legend {...legend} />
        <Bar dataKey="verified" name="Verified" stackId="g" fill="#10b981" isAnimationActive={false} />
        <Bar dataKey="claimed" name="Claimed only" stackId="g" fill="#a5b4fc" isAnimationActive={false} />
        <Bar dataKey="negative" name="Negative" stackId="g" fill="#ef4444" isAnimationActive={false} />
        <Bar dataKey="missing" name="No evidence" stackId="g" fill="#e2e8f0" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
