"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis, type XAxisTickContentProps } from "recharts";
import type { StageTotals } from "@/lib/server/dashboard/summarize";
import { chartLegend } from "@/components/ui/chart-legend";
import { formatMoney } from "@/lib/utils";

export type StageChartRow = StageTotals;

const SERIES = [
  { key: "amount", name: "Open amount", color: "var(--color-slate-300)" },
  { key: "raw", name: "Raw forecast", color: "var(--color-indigo-300)" },
  { key: "adjusted", name: "Adjusted forecast", color: "var(--color-indigo-600)" },
] as const;

/** Pipeline amount per open stage with its raw and qualification-adjusted forecast side by side. */
export function StageChart({ stages, currency }: { stages: StageChartRow[]; currency: string }) {
  const compact = new Intl.NumberFormat("en-US", { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
  // Stage name over its deal count: one line each keeps five stages legible on a half-width card.
  const tick = ({ x, y, payload }: XAxisTickContentProps) => {
    const stage = stages[payload.index];
    return (
      <text x={x} y={y} textAnchor="middle" fontSize={12}>
        <tspan x={x} dy="0.9em" fill="var(--color-slate-600)">
          {stage?.label}
        </tspan>
        <tspan x={x} dy="1.3em" fill="var(--color-slate-500)">
          {stage?.count} deal{stage?.count === 1 ? "" : "s"}
        </tspan>
      </text>
    );
  };
  return (
    <div className="h-80 w-full" data-testid="stage-chart">
      <BarChart responsive data={stages} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} barGap={2} style={{ width: "100%", height: "100%" }}>
        <CartesianGrid vertical={false} stroke="var(--color-slate-200)" />
        <XAxis dataKey="stageId" tickLine={false} axisLine={{ stroke: "var(--color-slate-300)" }} tick={tick} interval={0} height={40} />
        <YAxis
          tickFormatter={(v: number) => compact.format(v)}
          tickLine={false}
          axisLine={false}
          tick={{ fontSize: 12, fill: "var(--color-slate-500)" }}
          width={64}
        />
        <Tooltip
          cursor={{ fill: "var(--color-slate-100)" }}
          itemSorter={(item) => SERIES.findIndex((s) => s.key === item.dataKey)}
          itemStyle={{ color: "var(--color-slate-700)" }}
          formatter={(value) => (typeof value === "number" ? formatMoney(value, currency) : String(value))}
          labelFormatter={(_label, payload) => {
            const row = payload[0]?.payload as StageChartRow | undefined;
            return row ? `${row.pipelineName ? `${row.pipelineName} · ` : ""}${row.label} · ${row.count} deal${row.count === 1 ? "" : "s"}` : null;
          }}
          contentStyle={{ backgroundColor: "var(--color-white)", borderRadius: 8, borderColor: "var(--color-slate-200)", fontSize: 12 }}
        />
        <Legend {...chartLegend} itemSorter={null} />
        {SERIES.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} radius={[3, 3, 0, 0]} maxBarSize={36} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  );
}
