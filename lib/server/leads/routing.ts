import "server-only";
import { routeLead, type RoutingConfig, type RoutingResult } from "../../qualification/leads";
import type { Tx } from "../db";

/** Reps in a stable order, so the round robin is fair and predictable. */
async function loadReps(tx: Tx, organizationId: string): Promise<string[]> {
  const reps = await tx.user.findMany({
    where: { organizationId, role: "rep" },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return reps.map((r) => r.id);
}

/**
 * Claims the next round-robin turn atomically (one UPDATE ... RETURNING), so two app instances routing at
 * the same moment never hand out the same turn.
 */
async function claimTurns(tx: Tx, organizationId: string, turns: number): Promise<number> {
  const rows = await tx.$queryRaw<{ cursor: number }[]>`
    UPDATE "IntakeForm" SET "roundRobinCursor" = "roundRobinCursor" + ${turns}
    WHERE "organizationId" = ${organizationId} RETURNING "roundRobinCursor" - ${turns} AS cursor`;
  if (rows[0]) return Number(rows[0].cursor);
  await tx.$executeRaw`
    INSERT INTO "IntakeForm" ("id", "organizationId", "title", "questions", "routing", "fields", "roundRobinCursor", "updatedAt")
    VALUES (${`form_${organizationId}`}, ${organizationId}, 'Talk to our team', 'null', '{"mode":"round_robin"}', ARRAY[]::text[], 0, now())
    ON CONFLICT ("organizationId") DO NOTHING`;
  return claimTurns(tx, organizationId, turns);
}

export interface RoutableLead {
  region: string | null;
  employeeCount: number | null;
}

/** Routes a batch of leads with one cursor claim for the whole batch. */
export async function routeLeads(tx: Tx, organizationId: string, config: RoutingConfig, leads: RoutableLead[]): Promise<RoutingResult[]> {
  if (leads.length === 0) return [];
  const reps = await loadReps(tx, organizationId);
  const dry = leads.map((lead) => routeLead({ lead, config, reps, cursor: 0 }));
  const turns = dry.filter((r) => r.usedCursor).length;
  let cursor = turns > 0 ? await claimTurns(tx, organizationId, turns) : 0;
  return leads.map((lead, i) => {
    const first = dry[i];
    if (!first?.usedCursor) return first ?? { ownerId: null, by: "unassigned", usedCursor: false };
    return routeLead({ lead, config, reps, cursor: cursor++ });
  });
}
