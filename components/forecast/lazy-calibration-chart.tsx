"use client";

import dynamic from "next/dynamic";

/** Charts are loaded after the page: recharts stays out of the route's first-load JavaScript. */
export const LazyCalibrationChart = dynamic(() => import("./calibration-chart"), {
  ssr: false,
  loading: () => <div className="h-80 w-full animate-pulse rounded bg-slate-50" aria-hidden />,
});
