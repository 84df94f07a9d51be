"use client";

import dynamic from "next/dynamic";

const placeholder = () => <div className="h-64 w-full animate-pulse rounded bg-slate-50" aria-hidden />;
const load = () => import("./trend-charts");

/** Loaded after the page renders, so recharts is not part of the dashboard's first-load JavaScript. */
export const LazyForecastTrendChart = dynamic(() => load().then((m) => m.ForecastTrendChart), { ssr: false, loading: placeholder });
export const LazyVerdictTrendChart = dynamic(() => load().then((m) => m.VerdictTrendChart), { ssr: false, loading: placeholder });
export const LazyStageFlowChart = dynamic(() => load().then((m) => m.StageFlowChart), { ssr: false, loading: placeholder });
export const LazyCriterionGapChart = dynamic(() => load().then((m) => m.CriterionGapChart), { ssr: false, loading: placeholder });

/** The dashboard's stage chart, lazily too: it is the only other recharts user on the page. */
export const LazyStageChart = dynamic(() => import("../stage-chart").then((m) => m.StageChart), {
  ssr: false,
  loading: () => <div className="h-80 w-full animate-pulse rounded bg-slate-50" aria-hidden />,
});
