import "server-only";
import type { z } from "zod";
import { checkBasis, stateAfter, stateFromAnswer, type Framework, type RecapAnswer } from "../../qualification";
import type { evidenceEntrySchema } from "../../validation/qualification";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { SessionUser } from "../session";
import { lockCriterion } from "./criterion-lock";
import { setCriterionState } from "./criterion-state";

export { stateAfter };

type EvidenceEntry = z.infer<typeof evidenceEntrySchema>;

/**
 * The buyer's own answer on a recap (only the recap path builds these): a confirmation is verified with the
 * basis "buyer confirmed", and whatever the buyer says replaces the seller's record of the criterion.
 */
interface BuyerEntry {
  criterionId: string;
  contactId: string;
  excerpt: string;
  answer: RecapAnswer;
}

interface ApplyEvidence {
  /** Who the rows are recorded under: the signed-in user, or for a buyer's answer the rep who sent the recap. */
  user: Pick<SessionUser, "id" | "organizationId">;
  opportunity: { id: string; accountId: string };
  framework: Framework;
  entries: Array<EvidenceEntry | BuyerEntry>;
  noteId: string | null;
  now: Date;
  /** The history's reason for each state change (default: a discovery note). */
  reason?: (entry: EvidenceEntry | BuyerEntry) => string;
}

const stateChanged = (label: string) =>
  new AppError("CONFLICT", `${label} was changed by someone else a moment ago. Reload to see it, then save again.`);

/**
 * Records evidence entries with the basis each rests on (refusing a verification without proof), moves
 * criterion states with one history row per transition, and marks contacts engaged.
 */
export async function applyEvidence(tx: Tx, { user, opportunity, framework, entries, noteId, now, reason }: ApplyEvidence): Promise<string[]> {
  const evidenceIds: string[] = [];
  const contactIds = [...new Set(entries.flatMap((e) => (e.contactId ? [e.contactId] : [])))];
  const [contacts, committee] = await Promise.all([
    tx.contact.findMany({
      where: { id: { in: contactIds }, organizationId: user.organizationId, accountId: opportunity.accountId },
      select: { id: true },
    }),
    tx.stakeholder.findMany({ where: { opportunityId: opportunity.id, contactId: { in: contactIds } }, select: { contactId: true, role: true } }),
  ]);
  const validContacts = new Set(contacts.map((c) => c.id));

  for (const [index, entry] of entries.entries()) {
    const def = framework.criteria.find((c) => c.id === entry.criterionId);
    if (!def) {
      throw new AppError("INVALID", `"${entry.criterionId}" is not a criterion of ${framework.name}.`, {
        fieldErrors: { [`evidence.${index}.criterionId`]: ["Pick a criterion of your framework."] },
      });
    }
    if (entry.contactId && !validContacts.has(entry.contactId)) {
      throw new AppError("INVALID", "The contact must be someone at this deal's account.", {
        fieldErrors: { [`evidence.${index}.contactId`]: ["Pick a contact at this account."] },
      });
    }
    const roles = entry.contactId ? committee.filter((s) => s.contactId === entry.contactId).map((s) => s.role) : null;
    const buyer = "answer" in entry ? entry.answer : null;
    const asserted = buyer ? stateFromAnswer(buyer) : (entry as EvidenceEntry).state;
    const documentRef = buyer ? null : (entry as EvidenceEntry).documentRef;
    const check = checkBasis(def, {
      state: asserted === "unknown" ? "claimed" : asserted,
      excerpt: entry.excerpt,
      contactRoles: roles,
      documentRef,
      buyerConfirmed: buyer?.kind === "confirm",
    });
    if (!check.ok) throw new AppError("INVALID", check.message, { fieldErrors: { [`evidence.${index}.state`]: [check.message] } });
    const verified = asserted === "verified";
    const evidence = await tx.evidence.create({
      data: {
        organizationId: user.organizationId,
        opportunityId: opportunity.id,
        criterionId: def.id,
        state: asserted,
        noteId,
        contactId: entry.contactId,
        excerpt: entry.excerpt,
        capturedAt: now,
        capturedById: user.id,
        verifiedById: verified ? user.id : null,
        verifiedAt: verified ? now : null,
        basis: check.basis,
        documentRef,
      },
    });
    evidenceIds.push(evidence.id);
    if (buyer && buyer.kind !== "confirm") {
      // The buyer said otherwise: earlier verifications of this criterion no longer count.
      await tx.evidence.updateMany({
        where: { opportunityId: opportunity.id, criterionId: def.id, state: "verified", challengedAt: null, id: { not: evidence.id } },
        data: { challengedAt: now, challengeReason: `The buyer answered the recap otherwise: ${entry.excerpt}`.slice(0, 1000) },
      });
    }
    // Parallel notes on one criterion queue here instead of failing the check-and-set below: a note is never stale.
    await lockCriterion(tx, opportunity.id, def.id);
    const current = await tx.criterionState.findUnique({
      where: { opportunityId_criterionId: { opportunityId: opportunity.id, criterionId: def.id } },
    });
    const from = current?.state ?? "unknown";
    // The buyer's word replaces the record; a seller's claim never undoes a verification.
    const to = buyer ? asserted : stateAfter(from, (entry as EvidenceEntry).state);
    if (from === to) continue;
    if (!(await setCriterionState(tx, { user, opportunityId: opportunity.id, criterionId: def.id, from, to }))) throw stateChanged(def.label);
    await tx.criterionChange.create({
      data: {
        organizationId: user.organizationId,
        opportunityId: opportunity.id,
        criterionId: def.id,
        fromState: from,
        toState: to,
        actorId: user.id,
        evidenceId: evidence.id,
        reason: reason?.(entry) ?? "Discovery note",
        // Stamped after the check-and-set, not at request start, so the history reads in commit order.
        at: new Date(),
      },
    });
  }
  // Whoever gave evidence was just engaged: their committee roles show it.
  if (validContacts.size > 0) {
    await tx.stakeholder.updateMany({
      where: { opportunityId: opportunity.id, contactId: { in: [...validContacts] } },
      data: { lastEngagedAt: now },
    });
  }
  return evidenceIds;
}
