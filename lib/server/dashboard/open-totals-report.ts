import "server-only";
import { z } from "zod";
import { readDb } from "../db";
import { currentVersions } from "../qualification/score-currency";
import { readReport, type ReadReport, type ReportSpec } from "../reports/stored-report";
import { openDealTotals, type OpenScope, type OpenTotals } from "./aggregates";

/**
 * Below this many open deals in a dashboard's scope its totals are computed on every view (tens of
 * milliseconds); at or above it they are stored and refreshed in the background, at most OPEN_TOTALS_FRESH_MS
 * behind. Counting 100,000 deals' stages, verdicts and ~800,000 criterion gaps takes ~0.3 s of both cores, which
 * every view of every manager would otherwise pay.
 */
const DEFAULT_LIVE_LIMIT = 20_000;
export const OPEN_TOTALS_FRESH_MS = 60_000;

const shared = globalThis as unknown as { winnowOpenTotalsLiveLimit?: number };
const liveLimit = () => shared.winnowOpenTotalsLiveLimit ?? DEFAULT_LIVE_LIMIT;

/** Tests: store totals from this many open deals on (undefined goes back to the default). */
export function setOpenTotalsLiveLimitForTests(limit: number | undefined): void {
  shared.winnowOpenTotalsLiveLimit = limit;
}

const n = z.number();
const openTotalsSchema = z.object({
  openCount: n,
  pipelines: z.record(
    z.string(),
    z.object({
      groups: z.array(z.object({ stage: z.string(), band: z.enum(["low", "medium", "high"]), count: n, amount: n, intent: n })),
      verdicts: z.object({ pursue: n, unproven: n, nurture: n, disqualify: n }),
      risks: z.object({ critical: n, warning: n, blocked: n }),
      gaps: z.record(z.string(), z.object({ unknown: n.optional(), stale: n.optional(), negative: n.optional(), unverified: n.optional() })),
    }),
  ),
  currencies: z.array(z.object({ currency: z.string(), count: n })),
  pending: n,
}) satisfies z.ZodType<OpenTotals>;

// The scope key: the pipeline and owner filters, "*" for all. Ids are cuids, which never contain "|".
const scopeKey = (scope: OpenScope) => `${scope.pipelineId ?? "*"}|${scope.ownerId ?? "*"}`;
function parseScope(organizationId: string, key: string): OpenScope {
  const [pipelineId = "*", ownerId = "*"] = key.split("|");
  return { organizationId, pipelineId: pipelineId === "*" ? null : pipelineId, ownerId: ownerId === "*" ? null : ownerId };
}

export const openTotalsReport: ReportSpec<OpenTotals> = {
  kind: "open-totals",
  freshMs: OPEN_TOTALS_FRESH_MS,
  schema: openTotalsSchema,
  compute: async (organizationId, key) => {
    const client = readDb();
    return openDealTotals(client, parseScope(organizationId, key), await currentVersions(client, organizationId));
  },
  worthStoring: (totals) => totals.openCount >= liveLimit(),
};

/** The dashboard's open-deal totals for a scope its caller has checked: live for most, stored for the largest. */
export function readOpenTotals(scope: OpenScope, now: Date): Promise<ReadReport<OpenTotals>> {
  return readReport(openTotalsReport, scope.organizationId, scopeKey(scope), now);
}
