import { TrendsSection } from "@/components/dashboard/trends/trends-section";
import { readTrends } from "@/lib/server/insights/trend-report";
import type { SessionUser } from "@/lib/server/session";

/** Streams in after the rest of the dashboard (inside a Suspense boundary): its queries do not hold up the page. */
export async function DashboardTrends({ user, currency, pipelineId }: { user: SessionUser; currency: string; pipelineId: string | null }) {
  const { value: trends, computedAt } = await readTrends(user, new Date(), pipelineId);
  return <TrendsSection trends={trends} currency={currency} computedAt={computedAt} />;
}
