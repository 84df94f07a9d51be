"use client";

import dynamic from "next/dynamic";

/** recharts is heavy: the chart's code loads only when the panel renders, after the inbox itself. */
export const LazyConversionChart = dynamic(() => import("./conversion-chart").then((m) => m.ConversionChart), {
  ssr: false,
  loading: () => <div className="h-52 animate-pulse rounded-md bg-slate-100" role="status" aria-label="Loading chart" />,
});
