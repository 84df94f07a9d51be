import "server-only";
import { forecastHonesty, type ClosedForecast, type HonestyReport } from "../../qualification";
import { Prisma, readDb } from "../db";
import { loadAllPipelineSettings, loadQualificationSettings, type QualificationSettings } from "../qualification/settings";
import type { SessionUser } from "../session";
import { assertCanViewInsights, quarterStart } from "./access";

/** Quarters of closed deals the page looks back over, this one included, and the most deals it reads. */
const HONESTY_QUARTERS = 4;
export const HONESTY_MAX_DEALS = 5000;

export interface ForecastHonesty {
  report: HonestyReport;
  since: Date;
  owners: Record<string, string>;
  /** Closed deals in the window with no scorecard taken while open: nothing was forecast for them, so left out. */
  unscored: number;
  /** True when the window held more closed deals than were read. */
  truncated: boolean;
}

interface Row {
  id: string;
  ownerId: string;
  ownerName: string;
  amount: number;
  won: boolean;
  repConfidence: number | null;
  closedOn: Date;
  stage: string | null;
  intent: number | null;
  /** The scorecard's stage probability in the deal's pipeline. */
  probability: number;
}

/**
 * One pipeline's closed deals of the last quarters, each with its last scorecard at every open stage it was
 * scored at: the forecasts made before the outcome was known. One indexed range over the organization's closed
 * deals (a deal closed since `since` was updated since then), bounded, then index lookups per deal for its
 * closing move and its scorecards.
 */
async function closedForecasts(settings: QualificationSettings, organizationId: string, since: Date, now: Date): Promise<Row[]> {
  const { pipeline, pipelineId } = settings;
  const open = pipeline.stages.filter((s) => s.kind === "open").map((s) => s.id);
  const closed = pipeline.stages.filter((s) => s.kind !== "open").map((s) => s.id);
  const probability = new Map(pipeline.stages.map((s) => [s.id, s.probability]));
  const rows = await readDb().$queryRaw<Array<Omit<Row, "probability">>>(Prisma.sql`
    WITH closed_deals AS (
      SELECT * FROM (
        SELECT o.id, o."organizationId", o."ownerId", u.name AS "ownerName", o.amount::float8 AS amount, o.status = 'won' AS won,
               o."repConfidence", COALESCE(c.at, o."expectedCloseDate"::timestamp, o."updatedAt") AS "closedOn"
        FROM "Opportunity" o
        JOIN "User" u ON u.id = o."ownerId" AND u."organizationId" = o."organizationId"
        LEFT JOIN LATERAL (
          SELECT sc.at FROM "StageChange" sc
          WHERE sc."organizationId" = o."organizationId" AND sc."opportunityId" = o.id AND sc."toStage" = ANY(${closed}::text[])
          ORDER BY sc.at DESC LIMIT 1
        ) c ON true
        WHERE o."organizationId" = ${organizationId} AND o."pipelineId" = ${pipelineId} AND o.status IN ('won', 'lost') AND o."updatedAt" >= ${since}
      ) d
      WHERE "closedOn" >= ${since} AND "closedOn" <= ${now}
      ORDER BY "closedOn" DESC, id DESC
      LIMIT ${HONESTY_MAX_DEALS + 1}
    )
    SELECT d.id, d."ownerId", d."ownerName", d.amount, d.won, d."repConfidence", d."closedOn", s.stage, s.intent
    FROM closed_deals d
    LEFT JOIN LATERAL (
      SELECT DISTINCT ON (ss.stage) ss.stage, ss.intent FROM "ScoreSnapshot" ss
      WHERE ss."organizationId" = d."organizationId" AND ss."opportunityId" = d.id AND ss.stage = ANY(${open}::text[])
      ORDER BY ss.stage, ss.at DESC, ss.id DESC
    ) s ON true
    ORDER BY d."closedOn" DESC, d.id DESC`);
  return rows.map((r) => ({ ...r, probability: (r.stage !== null && probability.get(r.stage)) || 0 }));
}

/**
 * How honest each forecast was on the closed deals of the last quarters: of one pipeline (another organization's
 * is not found) or of all, each deal judged by its own pipeline's stage probabilities. At most HONESTY_MAX_DEALS
 * deals, the most recently closed.
 */
export async function getForecastHonesty(user: SessionUser, now: Date, pipelineId: string | null = null): Promise<ForecastHonesty> {
  assertCanViewInsights(user);
  const { organizationId } = user;
  const shown = pipelineId
    ? [await loadQualificationSettings(readDb(), organizationId, pipelineId)]
    : [...(await loadAllPipelineSettings(readDb(), organizationId)).values()];
  const since = quarterStart(now, HONESTY_QUARTERS - 1);
  const rows = (await Promise.all(shown.map((settings) => closedForecasts(settings, organizationId, since, now))))
    .flat()
    .sort((a, b) => b.closedOn.getTime() - a.closedOn.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));

  const dealIds = [...new Set(rows.map((r) => r.id))];
  const truncated = dealIds.length > HONESTY_MAX_DEALS;
  const keptIds = new Set(dealIds.slice(0, HONESTY_MAX_DEALS));
  const kept = rows.filter((r) => keptIds.has(r.id));
  const scored = kept.filter((r): r is Row & { stage: string; intent: number } => r.stage !== null && r.intent !== null);
  const perDeal = new Map<string, number>();
  for (const r of scored) perDeal.set(r.id, (perDeal.get(r.id) ?? 0) + 1);
  const deals: ClosedForecast[] = scored.map((r) => ({
    id: r.id,
    weight: 1 / (perDeal.get(r.id) ?? 1),
    ownerId: r.ownerId,
    closedOn: r.closedOn,
    amount: Number(r.amount),
    won: r.won,
    stageProbability: r.probability,
    repConfidence: r.repConfidence,
    intentScore: r.intent,
  }));
  const owners = Object.fromEntries(kept.map((r) => [r.ownerId, r.ownerName]));
  return { report: forecastHonesty(deals), since, owners, unscored: keptIds.size - perDeal.size, truncated };
}
