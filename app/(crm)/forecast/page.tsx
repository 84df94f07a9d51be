import { Scale } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { CalibrationPoint } from "@/components/forecast/calibration-chart";
import { LazyCalibrationChart } from "@/components/forecast/lazy-calibration-chart";
import { PipelineFilter } from "@/components/forecast/pipeline-filter";
import { PredictorCards } from "@/components/forecast/predictor-cards";
import { HonestyGroupTable } from "@/components/forecast/predictor-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { SearchParams } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/permissions";
import type { HonestyReport } from "@/lib/qualification";
import { db } from "@/lib/server/db";
import { getForecastHonesty, HONESTY_MAX_DEALS } from "@/lib/server/insights/forecast-honesty";
import { listPipelines } from "@/lib/server/pipeline/pipelines";
import { requireUser } from "@/lib/server/session";
import { formatDate } from "@/lib/utils";

export const metadata: Metadata = { title: "Forecast honesty" };

const CURRENCY = "USD";

function calibrationPoints(report: HonestyReport): CalibrationPoint[] {
  return report.calibration.stage.map((bin, i) => ({
    band: `${Math.round(bin.from * 100)}–${Math.round(bin.to * 100)}%`,
    ideal: (bin.from + bin.to) / 2,
    stage: bin.winRate,
    rep: report.calibration.rep[i]?.winRate ?? null,
    adjusted: report.calibration.adjusted[i]?.winRate ?? null,
  }));
}

export default async function ForecastPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  if (!can(user.role, "insights.view")) notFound();
  const requested = (await searchParams).pipeline;
  const pipelines = await listPipelines(db(), user.organizationId);
  // An unknown pipeline, or another organization's, shows all pipelines (as the dashboard's filter does).
  const pipelineId = pipelines.find((p) => p.id === requested)?.id ?? null;
  const { report, since, owners, unscored, truncated } = await getForecastHonesty(user, new Date(), pipelineId);
  const pipelineName = pipelines.find((p) => p.id === pipelineId)?.name;
  const header = (
    <PageHeader
      eyebrow="Insights"
      title="Forecast honesty"
      description={`On deals that have closed${pipelineName ? ` in ${pipelineName}` : ""}: what the stage probability, the rep's confidence and the qualification-adjusted forecast predicted at each stage while the deal was open, against what actually closed.`}
      actions={<PipelineFilter path="/forecast" pipelines={pipelines} pipelineId={pipelineId} />}
    />
  );
  if (report.deals === 0) {
    return (
      <>
        {header}
        <Card>
          <EmptyState
            icon={Scale}
            title="No closed deals to judge yet"
            description={`Once deals that had a scorecard while open are won or lost (since ${formatDate(since)}), this page shows how honest each forecast was.`}
          />
        </Card>
      </>
    );
  }
  const lost = report.deals - report.won;
  return (
    <>
      {header}
      <div className="space-y-6">
        <p className="text-sm text-slate-700" data-testid="honesty-basis">
          Based on{" "}
          <strong>
            {report.deals} closed deal{report.deals === 1 ? "" : "s"}
          </strong>{" "}
          ({report.won} won, {lost} lost) closed since {formatDate(since)}, each judged at every open stage it was scored at ({report.forecasts}{" "}
          forecasts). {report.withRepConfidence} had a rep confidence.
          {unscored > 0 &&
            ` ${unscored} closed deal${unscored === 1 ? "" : "s"} without a scorecard while open ${unscored === 1 ? "is" : "are"} left out.`}
          {truncated && ` Only the latest ${HONESTY_MAX_DEALS.toLocaleString("en-US")} closed deals are read.`}
        </p>
        <PredictorCards report={report} currency={CURRENCY} />
        <Card>
          <CardHeader
            title="Calibration"
            description="Of the deals each forecast put in a probability band, the share actually won. An honest forecast follows the dashed diagonal."
          />
          <CardBody>
            <LazyCalibrationChart points={calibrationPoints(report)} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="By quarter of closing"
            description="Forecast amount and its error against the amount won; bias is the mean predicted probability minus the actual win rate"
          />
          <HonestyGroupTable
            groups={report.byQuarter}
            label="Quarter"
            nameOf={(k) => k.replace("-", " ")}
            currency={CURRENCY}
            testId="honesty-quarters"
          />
        </Card>
        <Card>
          <CardHeader title="By rep" description="Whose forecasts to trust, and by how much to discount them" />
          <HonestyGroupTable
            groups={report.byOwner}
            label="Rep"
            nameOf={(k) => owners[k] ?? "Former user"}
            currency={CURRENCY}
            testId="honesty-reps"
          />
        </Card>
      </div>
    </>
  );
}
