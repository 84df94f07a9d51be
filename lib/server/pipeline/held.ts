import "server-only";
import { z } from "zod";
import { Prisma, type PrismaClient, type Tx } from "../db";

/** A deal a stage edit could not carry past a gate: the stage it waits in, and why (the engine's words then). */
export interface HeldDeal {
  stage: string;
  blockers: string[];
}

const storedBlockers = z.array(z.looseObject({ message: z.string() })).catch([]);

/**
 * Which of these deals are held: their latest stage change is an allowed move that names unmet gates (only a
 * stage edit records those; a manager's override is recorded as overridden) into the stage they are still in.
 * The next move of the deal ends it. One index lookup per deal, for the few deals a page shows.
 */
export async function findHeld(
  client: PrismaClient | Tx,
  organizationId: string,
  deals: Array<{ id: string; stage: string }>,
): Promise<Map<string, HeldDeal>> {
  if (deals.length === 0) return new Map();
  const rows = await client.$queryRaw<Array<{ id: string; toStage: string; blockers: unknown }>>(Prisma.sql`
    SELECT d.id, last."toStage", last.blockers
    FROM unnest(${deals.map((d) => d.id)}::text[]) AS d(id)
    CROSS JOIN LATERAL (
      SELECT sc."toStage", sc.outcome, sc.blockers FROM "StageChange" sc
      WHERE sc."opportunityId" = d.id AND sc."organizationId" = ${organizationId}
      ORDER BY sc.at DESC, sc.id DESC LIMIT 1
    ) last
    WHERE last.outcome = 'allowed' AND jsonb_typeof(last.blockers) = 'array' AND jsonb_array_length(last.blockers) > 0`);
  const stageOf = new Map(deals.map((d) => [d.id, d.stage]));
  const held = new Map<string, HeldDeal>();
  for (const r of rows) {
    if (stageOf.get(r.id) !== r.toStage) continue;
    held.set(r.id, { stage: r.toStage, blockers: storedBlockers.parse(r.blockers).map((b) => b.message) });
  }
  return held;
}
