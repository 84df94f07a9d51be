import "server-only";
import { computeFit, type IcpDefinition } from "../../qualification";
import { db } from "../db";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

/** Enough to show the spread; beyond this the preview says it looked at a sample. */
const PREVIEW_ACCOUNT_LIMIT = 5_000;
const SHOWN = 5;

export type FitBucket = "pursue" | "below" | "knocked_out";

export interface PreviewRow {
  id: string;
  name: string;
  score: number;
  potential: number;
  bucket: FitBucket;
  /** Labels of the knockout rules the account missed. */
  knockouts: string[];
}

export interface FitPreview {
  icpVersion: number;
  scanned: number;
  truncated: boolean;
  counts: Record<FitBucket, number>;
  /** Below threshold whose best case is under the disqualify floor: not a fit even if the gaps are filled. */
  underFloor: number;
  top: PreviewRow[];
  bottom: PreviewRow[];
}

/** How the organization's accounts score under `icp`: counts per bucket and the best and worst fits. */
export async function previewFit(user: SessionUser, icp: IcpDefinition): Promise<FitPreview> {
  const accounts = await db().account.findMany({
    where: inOrg(user),
    select: {
      id: true,
      name: true,
      industry: true,
      employeeCount: true,
      country: true,
      region: true,
      techStack: true,
      fundingStage: true,
      hiringSignals: true,
    },
    orderBy: { id: "asc" },
    take: PREVIEW_ACCOUNT_LIMIT + 1,
  });
  const truncated = accounts.length > PREVIEW_ACCOUNT_LIMIT;
  const counts: Record<FitBucket, number> = { pursue: 0, below: 0, knocked_out: 0 };
  let underFloor = 0;
  const rows = accounts.slice(0, PREVIEW_ACCOUNT_LIMIT).map(({ id, name, ...profile }): PreviewRow => {
    const fit = computeFit(profile, icp);
    const bucket: FitBucket = fit.knockoutsFailed.length > 0 ? "knocked_out" : fit.score >= icp.pursueThreshold ? "pursue" : "below";
    counts[bucket] += 1;
    if (bucket === "below" && icp.disqualifyBelow !== undefined && fit.potential < icp.disqualifyBelow) underFloor += 1;
    const knockouts = fit.rules.filter((r) => fit.knockoutsFailed.includes(r.ruleId)).map((r) => r.label);
    return { id, name, score: fit.score, potential: fit.potential, bucket, knockouts };
  });
  rows.sort((a, b) => b.score - a.score || b.potential - a.potential || a.name.localeCompare(b.name));
  const top = rows.slice(0, SHOWN);
  // With few accounts the two lists would repeat each other; the bottom list only shows what the top did not.
  const bottom = rows.slice(Math.max(SHOWN, rows.length - SHOWN)).reverse();
  return { icpVersion: icp.version, scanned: rows.length, truncated, counts, underFloor, top, bottom };
}
