import "server-only";
import type { IcpDefinition, IcpRule } from "../../qualification";
import { icpRulesSchema } from "../../validation/qualification";
import { db } from "../db";
import { loadQualificationSettings } from "../qualification/settings";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";
import type { IcpMatchValues } from "../../icp-match";
import { previewFit, type FitPreview } from "./preview";

export interface IcpVersionView {
  id: string;
  version: number;
  /** Null when a stored row no longer parses; shown as unreadable rather than hiding the whole history. */
  rules: IcpRule[] | null;
  pursueThreshold: number;
  disqualifyBelow: number | null;
  note: string | null;
  createdAt: Date;
  createdBy: string | null;
}

/** Longer histories stay in the audit log; the screen shows the recent ones. */
const HISTORY_LIMIT = 50;

/** Every ICP version of the organization, newest first (the first one is the current ICP). */
export async function listIcpVersions(user: SessionUser): Promise<IcpVersionView[]> {
  const rows = await db().icpVersion.findMany({
    where: inOrg(user),
    orderBy: { version: "desc" },
    take: HISTORY_LIMIT,
    include: { createdBy: { select: { name: true } } },
  });
  return rows.map((row) => {
    const rules = icpRulesSchema.safeParse(row.rules);
    return {
      id: row.id,
      version: row.version,
      rules: rules.success ? rules.data : null,
      pursueThreshold: row.pursueThreshold,
      disqualifyBelow: row.disqualifyBelow,
      note: row.note,
      createdAt: row.createdAt,
      createdBy: row.createdBy?.name ?? null,
    };
  });
}

/** The ICP screen: the ICP the engine uses now, its history, and how the organization's accounts fit it. */
export async function getIcpOverview(user: SessionUser): Promise<{ icp: IcpDefinition; versions: IcpVersionView[]; preview: FitPreview }> {
  const [versions, { icp }] = await Promise.all([listIcpVersions(user), loadQualificationSettings(db(), user.organizationId, null)]);
  return { icp, versions, preview: await previewFit(user, icp) };
}

/** The industries and countries the current ICP's rules name, as marketing typed them: the account form suggests them. */
export async function listIcpMatchValues(user: SessionUser): Promise<IcpMatchValues> {
  const { icp } = await loadQualificationSettings(db(), user.organizationId, null);
  const values: IcpMatchValues = { industries: [], countries: [] };
  for (const rule of icp.rules) {
    if (rule.kind === "industry_in") values.industries.push(...rule.industries);
    if (rule.kind === "country_in") values.countries.push(...rule.countries);
  }
  return values;
}
