"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { ConversionCell } from "@/lib/server/leads/queries";

/** Accepted share of leads per group, with the counts in the tooltip. Takes data; never fetches. */
export function ConversionChart({ cells, title }: { cells: (ConversionCell & { label: string })[]; title: string }) {
  return (
    <figure className="w-full">
      <figcaption className="mb-2 text-xs font-medium text-slate-600">{title}</figcaption>
      <div className="h-48 w-full">
        <BarChart responsive data={cells} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} style={{ width: "100%", height: "100%" }}>
          <CartesianGrid vertical={false} stroke="var(--color-slate-200)" />
          <XAxis
            dataKey="label"
            tickLine={false}
            axisLine={{ stroke: "var(--color-slate-300)" }}
            tick={{ fontSize: 11, fill: "var(--color-slate-600)" }}
            interval={0}
          />
          <YAxis unit="%" domain={[0, 100]} tickLine={false} axisLine={false} tick={{ fontSize: 11, fill: "var(--color-slate-500)" }} width={40} />
          <Tooltip
            cursor={{ fill: "var(--color-slate-100)" }}
            formatter={(_v, _n, item) => {
              const c = item.payload as ConversionCell;
              return [`${c.rate}% (${c.accepted} of ${c.total})`, "Accepted"];
            }}
            contentStyle={{ backgroundColor: "var(--color-white)", borderRadius: 8, borderColor: "var(--color-slate-200)", fontSize: 12 }}
          />
          <Bar dataKey="rate" fill="var(--color-indigo-600)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </div>
    </figure>
  );
}
