import "server-only";
import type { z } from "zod";
import type { bulkNurtureDealsSchema, bulkReassignDealsSchema } from "../../validation/bulk";
import { recordAudit } from "../audit";
import { forEachRow } from "../bulk";
import { db, type Tx } from "../db";
import { notFound } from "../errors";
import { nurtureDealIn } from "../nurture/due";
import { assertMayActOn, inOrg } from "../scope";
import type { SessionUser } from "../session";
import { assertAssignable } from "../users/assignable";

/**
 * Handing one deal to another owner: whoever may update the deal may pass it on (a rep, only their own), to an
 * active colleague who may work deals. The deal is judged first, so another tenant's id is "not found".
 */
async function reassignDealIn(tx: Tx, user: SessionUser, opportunityId: string, ownerId: string) {
  const deal = await tx.opportunity.findFirst({ where: inOrg(user, { id: opportunityId }), select: { id: true, ownerId: true } });
  if (!deal) throw notFound("Opportunity");
  assertMayActOn(user, "opportunity.update", deal);
  const owner = await assertAssignable(tx, user, ownerId, "opportunity.update");
  if (deal.ownerId === owner.id) return;
  await tx.opportunity.update({ where: { id: deal.id }, data: { ownerId: owner.id, version: { increment: 1 } } });
  await recordAudit(tx, {
    organizationId: user.organizationId,
    actorId: user.id,
    entityType: "opportunity",
    entityId: deal.id,
    action: "reassign",
    before: { ownerId: deal.ownerId },
    after: { ownerId: owner.id },
  });
}

/** Reassigns the selected deals in one transaction; the deals the user may not touch come back refused, row by row. */
export async function bulkReassignDeals(user: SessionUser, input: z.infer<typeof bulkReassignDealsSchema>) {
  return db().$transaction((tx) => forEachRow(input.ids, (id) => reassignDealIn(tx, user, id, input.ownerId)));
}

/** Parks the selected deals until one date, for one reason, through the single deal's nurture rule. */
export async function bulkNurtureDeals(user: SessionUser, input: z.infer<typeof bulkNurtureDealsSchema>) {
  return db().$transaction((tx) =>
    forEachRow(input.ids, (id) =>
      nurtureDealIn(tx, user, { opportunityId: id, resumeOn: input.resumeOn, watchFor: input.watchFor ?? input.reason }, input.reason),
    ),
  );
}
