import "server-only";
import { draftRecapPoints, recapStatus, type CriterionDefinition, type EvidenceState, type RecapPoint, type RecapStatus } from "../../qualification";
import type { PrismaClient } from "../db";

export interface RecapRow {
  id: string;
  contactName: string;
  createdById: string;
  createdAt: Date;
  expiresAt: Date;
  sentAt: Date | null;
  respondedAt: Date | null;
  revokedAt: Date | null;
  revokedById: string | null;
  status: RecapStatus;
  points: RecapPoint[];
  responses: Array<{ id: string; criterionId: string; answer: "confirm" | "correct" | "not_right"; text: string | null; createdAt: Date }>;
}

/** A deal's recaps, newest first, with where each link stands. The caller has already scoped the deal to the user. */
export async function listRecaps(client: PrismaClient, organizationId: string, opportunityId: string, now: Date): Promise<RecapRow[]> {
  const rows = await client.recap.findMany({
    where: { organizationId, opportunityId },
    orderBy: { createdAt: "desc" },
    take: 20,
    include: {
      contact: { select: { name: true } },
      responses: { select: { id: true, criterionId: true, answer: true, text: true, createdAt: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    contactName: r.contact.name,
    createdById: r.createdById,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    sentAt: r.sentAt,
    respondedAt: r.respondedAt,
    revokedAt: r.revokedAt,
    revokedById: r.revokedById,
    status: recapStatus(r, now),
    points: r.points as unknown as RecapPoint[],
    responses: r.responses,
  }));
}

/** The points a new recap starts from, worded from the criteria's latest evidence. */
export function draftPointsFor(
  criteria: CriterionDefinition[],
  states: Array<{ criterionId: string; state: EvidenceState }>,
  evidence: Array<{ criterionId: string; excerpt: string; challengedAt: Date | null }>,
): RecapPoint[] {
  return draftRecapPoints(
    criteria,
    states.map((s) => ({
      criterionId: s.criterionId,
      state: s.state,
      latestExcerpt: evidence.filter((e) => e.criterionId === s.criterionId && e.challengedAt === null).at(-1)?.excerpt ?? null,
    })),
  );
}
