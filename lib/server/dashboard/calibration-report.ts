import "server-only";
import { z } from "zod";
import { calibrate, type Calibration } from "../../qualification";
import { readDb } from "../db";
import { loadQualificationSettings } from "../qualification/settings";
import { readReport, type ReadReport, type ReportSpec } from "../reports/stored-report";
import { loadClosedOutcomes } from "./closed-outcomes";

/** One pipeline's forecast calibration and what it rests on. */
export interface PipelineCalibration {
  /** Null without closed deals: the forecast uses the default band factors. */
  calibration: Calibration | null;
  closedDeals: number;
  won: number;
  lost: number;
  scoredAtClose: number;
  pathUnknown: number;
}

/**
 * From this many closed deals on, a pipeline's calibration is stored and refreshed every quarter of an hour
 * rather than read on every view: reading the last 5,000 closed deals with their last scorecard and stage path
 * costs a few hundred milliseconds, and one more closed deal barely moves win rates over thousands.
 */
const STORE_FROM_CLOSED = 1000;
export const CALIBRATION_FRESH_MS = 15 * 60_000;

const shared = globalThis as unknown as { winnowCalibrationStoreFrom?: number };

/** Tests: store calibrations from this many closed deals on (undefined goes back to the default). */
export function setCalibrationStoreFromForTests(closedDeals: number | undefined): void {
  shared.winnowCalibrationStoreFrom = closedDeals;
}

const n = z.number();
const calibrationSchema = z.object({
  calibration: z
    .object({
      minSample: n,
      sampleSize: n,
      skipped: z.array(z.string()),
      cells: z.array(
        z.object({ stageId: z.string(), band: z.enum(["low", "medium", "high"]), total: n, won: n, winRate: n.nullable(), trusted: z.boolean() }),
      ),
    })
    .nullable(),
  closedDeals: n,
  won: n,
  lost: n,
  scoredAtClose: n,
  pathUnknown: n,
}) satisfies z.ZodType<PipelineCalibration>;

/** Scope: the pipeline id. */
export const calibrationReport: ReportSpec<PipelineCalibration> = {
  kind: "calibration",
  freshMs: CALIBRATION_FRESH_MS,
  schema: calibrationSchema,
  compute: async (organizationId, pipelineId) => {
    const client = readDb();
    const settings = await loadQualificationSettings(client, organizationId, pipelineId);
    const closed = await loadClosedOutcomes(client, organizationId, settings);
    const { outcomes, ...counts } = closed;
    return { calibration: outcomes.length > 0 ? calibrate(outcomes, settings.pipeline) : null, closedDeals: outcomes.length, ...counts };
  },
  worthStoring: (c) => c.closedDeals >= (shared.winnowCalibrationStoreFrom ?? STORE_FROM_CLOSED),
};

/** A pipeline's calibration, for a pipeline its caller has checked is of the organization. */
export function readCalibration(organizationId: string, pipelineId: string, now: Date): Promise<ReadReport<PipelineCalibration>> {
  return readReport(calibrationReport, organizationId, pipelineId, now);
}
