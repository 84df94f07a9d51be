import "server-only";
import { z } from "zod";
import { fitBand } from "../../qualification/leads";
import { scopeOf } from "../../permissions";
import { filterText, listParamsSchema, PAGE_SIZE } from "../../validation/list-params";
import { db } from "../db";
import { forbidden, notFound } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { boundedCount, column, COUNT_LIMIT, keysetPage, type SortColumn } from "../pagination";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

export const LEAD_STATUSES = ["new", "accepted", "nurturing", "disqualified", "duplicate"] as const;
export const LEAD_SOURCES = ["intake_form", "import", "manual", "api"] as const;
export const LEAD_VERDICTS = ["pursue", "nurture", "disqualify"] as const;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

export const leadListParams = listParamsSchema(["fit", "intent", "createdAt", "companyName"], "fit", "desc").extend({
  status: z
    .enum([...LEAD_STATUSES, "all"])
    .catch("new")
    .default("new"),
  verdict: optionalEnum(LEAD_VERDICTS),
  source: optionalEnum(LEAD_SOURCES),
  /** "mine" (default for reps, who only ever see theirs) or "all". */
  owner: z.enum(["mine", "all"]).catch("all").default("all"),
  q: filterText,
});
export type LeadListParams = z.infer<typeof leadListParams>;

/** The where of the leads list; export reads it too, so a download holds exactly what the list shows. */
export function leadWhere(user: SessionUser, params: LeadListParams): Prisma.LeadWhereInput {
  const scope = scopeOf(user.role, "lead.view");
  if (!scope) throw forbidden();
  const mine = scope === "own" || params.owner === "mine";
  return inOrg(user, {
    ...(params.status !== "all" && { status: params.status }),
    ...(params.verdict && { verdict: params.verdict }),
    ...(params.source && { source: params.source }),
    ...(mine && { ownerId: user.id }),
    ...(params.q && {
      OR: [
        { companyName: { contains: params.q, mode: "insensitive" as const } },
        { name: { contains: params.q, mode: "insensitive" as const } },
        { email: { contains: params.q, mode: "insensitive" as const } },
      ],
    }),
  });
}

type LeadRow = Prisma.LeadGetPayload<object>;

/** The inbox pages by keyset like every list: one sort column, then id. */
const LEAD_SORTS: Record<LeadListParams["sort"], SortColumn<LeadRow>> = {
  fit: column("fit", "number"),
  intent: column("intent", "number"),
  createdAt: column("createdAt", "date"),
  companyName: column("companyName", "string"),
};

/** The inbox: best fit first unless another sort is asked for. */
export async function findLeads(user: SessionUser, params: LeadListParams) {
  const where = leadWhere(user, params);
  const [page, counted] = await Promise.all([
    keysetPage({
      sort: params.sort,
      dir: params.dir,
      column: LEAD_SORTS[params.sort],
      after: params.after,
      before: params.before,
      take: PAGE_SIZE,
      read: (segment, take) =>
        db().lead.findMany({ where: { AND: [where, segment.where as Prisma.LeadWhereInput] }, orderBy: segment.orderBy, take }),
    }),
    db().lead.count({ where, take: COUNT_LIMIT + 1 }),
  ]);
  const ownerIds = [...new Set(page.rows.flatMap((r) => (r.ownerId ? [r.ownerId] : [])))];
  const owners = await db().user.findMany({ where: inOrg(user, { id: { in: ownerIds } }), select: { id: true, name: true } });
  const names = new Map(owners.map((o) => [o.id, o.name]));
  return {
    ...page,
    rows: page.rows.map((r) => ({ ...r, ownerName: r.ownerId ? (names.get(r.ownerId) ?? null) : null })),
    total: boundedCount(counted),
  };
}

export async function getLead(user: SessionUser, id: string) {
  const scope = scopeOf(user.role, "lead.view");
  const lead = await db().lead.findFirst({ where: inOrg(user, { id, ...(scope === "own" && { ownerId: user.id }) }) });
  if (!lead || !scope) throw notFound("Lead");
  const owner = lead.ownerId ? await db().user.findFirst({ where: inOrg(user, { id: lead.ownerId }), select: { name: true } }) : null;
  return { ...lead, ownerName: owner?.name ?? null };
}

export interface ConversionCell {
  key: string;
  total: number;
  accepted: number;
  rate: number;
}

/** Marketing's feedback loop: of the leads each source and each fit band brought, how many sales accepted. */
export async function conversionStats(user: SessionUser): Promise<{ bySource: ConversionCell[]; byFitBand: ConversionCell[] }> {
  if (scopeOf(user.role, "lead.view") !== "org") throw forbidden();
  const rows = await db().$queryRaw<{ source: string; fit: number; total: bigint; accepted: bigint }[]>`
    SELECT "source"::text AS source, "fit", count(*) AS total, count(*) FILTER (WHERE "status" = 'accepted') AS accepted
    FROM "Lead" WHERE "organizationId" = ${user.organizationId} AND "status" <> 'duplicate'
    GROUP BY "source", "fit"`;
  const fold = (keyOf: (r: (typeof rows)[number]) => string, order: string[]) => {
    const cells = new Map<string, ConversionCell>(order.map((key) => [key, { key, total: 0, accepted: 0, rate: 0 }]));
    for (const r of rows) {
      const cell = cells.get(keyOf(r));
      if (!cell) continue;
      cell.total += Number(r.total);
      cell.accepted += Number(r.accepted);
    }
    return [...cells.values()].map((c) => ({ ...c, rate: c.total > 0 ? Math.round((100 * c.accepted) / c.total) : 0 }));
  };
  return {
    bySource: fold((r) => r.source, [...LEAD_SOURCES]),
    byFitBand: fold((r) => fitBand(r.fit), ["0–39", "40–59", "60–79", "80–100"]),
  };
}
