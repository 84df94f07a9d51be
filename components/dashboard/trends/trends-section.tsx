import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { Trends } from "@/lib/server/insights/trends";
import { formatDate, formatDateTime } from "@/lib/utils";
import { LazyCriterionGapChart, LazyForecastTrendChart, LazyStageFlowChart, LazyVerdictTrendChart } from "./lazy-trend-charts";

/** The manager's trends: four charts over the last quarters, each loaded lazily, as of when they were computed. */
export function TrendsSection({ trends, currency, computedAt }: { trends: Trends; currency: string; computedAt: Date }) {
  const since = formatDate(trends.since);
  return (
    <section className="space-y-6" data-testid="trends" aria-labelledby="trends-heading">
      <h2 id="trends-heading" className="text-lg font-semibold text-slate-900">
        Trends since {since}
      </h2>
      <p className="-mt-4 text-sm text-slate-500" data-testid="trends-computed-at">
        As of {formatDateTime(computedAt)}; refreshed in the background every quarter of an hour.
      </p>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader
            title="Forecast by quarter"
            description="Each deal's last scorecard of the quarter: amount × stage probability (raw) and × its qualification factor (adjusted)"
          />
          <CardBody>
            <LazyForecastTrendChart points={trends.forecast} currency={currency} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Verdict mix by month" description="Deals by the verdict of their last scorecard in the month" />
          <CardBody>
            <LazyVerdictTrendChart points={trends.verdicts} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Stage conversion and time in stage"
            description="Of the deals that left each stage, the share that moved forward (not lost), and their average days in it"
          />
          <CardBody>
            <LazyStageFlowChart stages={trends.stages} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Gaps by criterion" description="Open deals per criterion by the state of their evidence" />
          <CardBody>
            <LazyCriterionGapChart gaps={trends.gaps} />
          </CardBody>
        </Card>
      </div>
    </section>
  );
}
