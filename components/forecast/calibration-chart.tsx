"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { chartLegend } from "@/components/ui/chart-legend";

export interface CalibrationPoint {
  /** The band's label ("0–20%") and, per predictor, the share actually won of the deals it put in that band. */
  band: string;
  stage: number | null;
  rep: number | null;
  adjusted: number | null;
  /** Middle of the band: where a perfectly calibrated predictor's win rate would be. */
  ideal: number;
}

const PREDICTOR_SERIES = [
  { key: "stage", name: "Stage probability (raw)", color: "var(--color-slate-500)" },
  { key: "rep", name: "Rep confidence", color: "var(--color-amber-500)" },
  { key: "adjusted", name: "Qualification-adjusted", color: "var(--color-indigo-600)" },
] as const;

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Actual win rate per band of predicted probability, one line per predictor, against the perfect diagonal. */
export default function CalibrationChart({ points }: { points: CalibrationPoint[] }) {
  return (
    <div className="h-80 w-full" data-testid="calibration-chart">
      <LineChart responsive data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} style={{ width: "100%", height: "100%" }}>
        <CartesianGrid stroke="var(--color-slate-200)" />
        <XAxis
          dataKey="band"
          tick={{ fontSize: 12, fill: "var(--color-slate-500)" }}
          label={{ value: "Predicted win probability", position: "insideBottom", offset: -2, fontSize: 11, fill: "var(--color-slate-500)" }}
          height={40}
        />
        <YAxis domain={[0, 1]} tickFormatter={pct} tick={{ fontSize: 12, fill: "var(--color-slate-500)" }} width={44} />
        <Tooltip
          formatter={(v) => (typeof v === "number" ? pct(v) : "no deals")}
          contentStyle={{ backgroundColor: "var(--color-white)", borderRadius: 8, borderColor: "var(--color-slate-200)", fontSize: 12 }}
        />
        <Legend {...chartLegend} />
        <Line
          dataKey="ideal"
          name="Perfectly calibrated"
          stroke="var(--color-slate-300)"
          strokeDasharray="4 4"
          dot={false}
          isAnimationActive={false}
        />
        {PREDICTOR_SERIES.map((s) => (
          <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={2} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </div>
  );
}
