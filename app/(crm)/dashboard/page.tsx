import { BarChart3, Inbox } from "lucide-react";
import type { Metadata } from "next";
import { CriterionGapsTable } from "@/components/dashboard/criterion-gaps";
import { ForecastBasisNote, HeadlineStats } from "@/components/dashboard/headline-stats";
import { OwnerFilter } from "@/components/dashboard/owner-filter";
import { ScoreChangeList, StageChangeList } from "@/components/dashboard/recent-history";
import { RiskFilters } from "@/components/dashboard/risk-filters";
import { RiskList } from "@/components/dashboard/risk-list";
import { LazyStageChart as StageChart } from "@/components/dashboard/trends/lazy-trend-charts";
import { StageTable } from "@/components/dashboard/stage-table";
import { ReviewQueue } from "@/components/qualification/review-queue";
import { DueCount } from "@/components/nurture/due-count";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Pagination, type SearchParams } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Suspense } from "react";
import { DashboardTrends } from "./trends";
import { can } from "@/lib/permissions";
import { getDashboard } from "@/lib/server/dashboard/get-dashboard";
import { dashboardParams } from "@/lib/server/dashboard/params";
import { getReviewQueue } from "@/lib/server/qualification/review-queue";
import { requireUser } from "@/lib/server/session";
import { formatDateTime } from "@/lib/utils";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const raw = await searchParams;
  const params = dashboardParams.parse(raw);
  const now = new Date();
  const [d, reviewQueue] = await Promise.all([getDashboard(user, params, now), getReviewQueue(user, params.owner)]);
  const ownerName = d.owners.find((o) => o.id === d.ownerId)?.name;
  const pipelineName = d.pipelines.find((p) => p.id === d.pipelineId)?.name;
  const { summary, currency } = d;
  const whose = ownerName ? `${ownerName}'s open deals` : "The whole team's open deals";
  const where = pipelineName ? ` in ${pipelineName}` : d.pipelines.length > 1 ? " in all pipelines" : "";

  const header = (
    <PageHeader
      title="Deal review"
      description={`${whose}${where}, qualified with ${d.frameworkName}.`}
      actions={d.hasDeals && <OwnerFilter owners={d.owners} ownerId={d.ownerId} pipelines={d.pipelines} pipelineId={d.pipelineId} />}
    />
  );

  if (!d.hasDeals) {
    return (
      <>
        {header}
        <DueCount user={user} />
        <Card>
          <EmptyState
            icon={BarChart3}
            title="No deals yet"
            description="Once your team logs opportunities, this page shows the pipeline, the qualification-adjusted forecast and the deals that need a second look."
            action={can(user.role, "opportunity.create") && <ButtonLink href="/opportunities/new">New opportunity</ButtonLink>}
          />
        </Card>
      </>
    );
  }

  return (
    <>
      {header}
      <DueCount user={user} />
      <div className="space-y-6">
        <HeadlineStats summary={summary} calibration={d.calibration} currency={currency} />
        {d.totalsAsOf && (
          <p className="text-sm text-slate-500" data-testid="totals-as-of">
            Totals as of {formatDateTime(d.totalsAsOf)}: with this many open deals they are counted once a minute, not on every view.
          </p>
        )}
        <ForecastBasisNote calibration={d.calibration} summary={summary} mixedCurrencies={d.mixedCurrencies} currency={currency} />
        {d.pending > 0 && (
          <p
            role="status"
            data-testid="pending-scores"
            className="rounded-md bg-amber-50 px-4 py-2 text-sm text-amber-800 ring-1 ring-inset ring-amber-200"
          >
            {d.pending} open deal{d.pending === 1 ? " is" : "s are"} being re-scored after a change to the ICP or the qualification settings; their
            figures below are from before the change.
          </p>
        )}

        {summary.openCount === 0 ? (
          <Card>
            <EmptyState
              icon={Inbox}
              title={`${ownerName ? `${ownerName} has no open deals` : "No open deals"}${pipelineName ? ` in ${pipelineName}` : ""}`}
              description="Closed deals still calibrate the forecast; open deals will show here by stage."
            />
          </Card>
        ) : (
          <>
            <Card>
              <CardHeader title="Pipeline by stage" description="Open amount with the raw and qualification-adjusted forecast of each open stage" />
              {/* Side by side only where the table fits its half whole (at 1440 px its Adjusted column would be cut). */}
              <div className="grid grid-cols-1 2xl:grid-cols-2">
                <CardBody>
                  <StageChart stages={summary.stages} currency={currency} />
                </CardBody>
                <div className="border-t border-slate-100 2xl:border-l 2xl:border-t-0">
                  <StageTable stages={summary.stages} currency={currency} />
                </div>
              </div>
            </Card>

            <Card>
              <CardHeader
                title={`Deals at risk (${summary.riskCounts.critical + summary.riskCounts.warning + summary.riskCounts.blocked})`}
                description="Critical or warning re-qualification flags, nurture or disqualify verdicts, or a blocked next gate — most severe first, then largest"
              />
              <RiskFilters params={params} stages={d.stageChoices} counts={summary.riskCounts} />
              <RiskList risks={d.risks.rows} currency={currency} filtered={Boolean(params.level || params.flag || params.stage || params.verdict)} />
              {(d.risks.next || d.risks.previous) && (
                <Pagination
                  path="/dashboard"
                  params={raw}
                  next={d.risks.next}
                  previous={d.risks.previous}
                  total={d.risks.total}
                  noun="flagged deal"
                />
              )}
            </Card>

            {can(user.role, "evidence.review") && (
              <Card>
                <CardHeader
                  title={`Evidence review (${reviewQueue.length})`}
                  description="Verifications resting on the rep's record, not confirmed by the buyer or reviewed: contradicted ones first"
                />
                <CardBody>
                  <ReviewQueue items={reviewQueue} showDeal />
                </CardBody>
              </Card>
            )}

            <Card>
              <CardHeader
                title="Gaps by criterion"
                description={`Where the team is weakest: open deals whose ${d.frameworkName} criterion is not verified and fresh, by reason`}
              />
              <CriterionGapsTable gaps={summary.gaps} />
            </Card>
          </>
        )}

        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader title="Recent stage moves" description="Newest first, with the reason for any overridden gate" />
            <StageChangeList items={d.history.stageChanges} now={now} />
          </Card>
          <Card>
            <CardHeader title="Recent score changes" description="Fit, intent and verdict whenever they changed" />
            <ScoreChangeList items={d.history.scoreChanges} now={now} />
          </Card>
        </div>

        {can(user.role, "insights.view") && (
          <Suspense fallback={<p className="text-sm text-slate-500">Loading trends…</p>}>
            <DashboardTrends user={user} currency={currency} pipelineId={d.pipelineId} />
          </Suspense>
        )}
      </div>
    </>
  );
}
