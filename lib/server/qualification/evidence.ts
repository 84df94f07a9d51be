import "server-only";
import type { z } from "zod";
import { checkBasis, stateAfter, type Framework } from "../../qualification";
import type { evidenceEntrySchema } from "../../validation/qualification";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { SessionUser } from "../session";
import { lockCriterion } from "./criterion-lock";
import { setCriterionState } from "./criterion-state";

export { stateAfter };

type EvidenceEntry = z.infer<typeof evidenceEntrySchema>;

interface ApplyEvidence {
  user: SessionUser;
  opportunity: { id: string; accountId: string };
  framework: Framework;
  entries: EvidenceEntry[];
  noteId: string | null;
  now: Date;
}

const stateChanged = (label: string) => new AppError("CONFLICT", `${label} was changed by someone else a moment ago. Reload to see it, then save again.`);

/**
 * Records evidence entries with the basis each rests on (refusing a verification without proof), moves
 * criterion states with one history row per transition, and marks contacts engaged.
 */
export async function applyEvidence(tx: Tx, { user, opportunity, framework, entries, noteId, now }: ApplyEvidence): Promise<void> {
  const contactIds = [...new Set(entries.flatMap((e) => (e.contactId ? [e.contactId] : [])))];
  const [contacts, committee] = await Promise.all([
    tx.contact.findMany({ where: { id: { in: contactIds }, organizationId: user.organizationId, accountId: opportunity.accountId }, select: { id: true } }),
    tx.stakeholder.findMany({ where: { opportunityId: opportunity.id, contactId: { in: contactIds } }, select: { contactId: true, role: true } }),
  ]);
  const validContacts = new Set(contacts.map((c) => c.id));

  for (const [index, entry] of entries.entries()) {
    const def = framework.criteria.find((c) => c.id === entry.criterionId);
    if (!def) {
      throw new AppError("INVALID", `"${entry.criterionId}" is not a criterion of ${framework.name}.`, { fieldErrors: { [`evidence.${index}.criterionId`]: ["Pick a criterion of your framework."] } });
    }
    if (entry.contactId && !validContacts.has(entry.contactId)) {
      throw new AppError("INVALID", "The contact must be someone at this deal's account.", { fieldErrors: { [`evidence.${index}.contactId`]: ["Pick a contact at this account."] } });
    }
    const roles = entry.contactId ? committee.filter((s) => s.contactId === entry.contactId).map((s) => s.role) : null;
    const check = checkBasis(def, { state: entry.state, excerpt: entry.excerpt, contactRoles: roles, documentRef: entry.documentRef });
    if (!check.ok) throw new AppError("INVALID", check.message, { fieldErrors: { [`evidence.${index}.state`]: [check.message] } });
    const verified = entry.state === "verified";
    const evidence = await tx.evidence.create({
      data: {
        organizationId: user.organizationId, opportunityId: opportunity.id, criterionId: def.id, state: entry.state, noteId,
        contactId: entry.contactId, excerpt: entry.excerpt, capturedAt: now, capturedById: user.id,
        verifiedById: verified ? user.id : null, verifiedAt: verified ? now : null, basis: check.basis, documentRef: entry.documentRef,
      },
    });
    // Parallel notes on one criterion queue here instead of failing the check-and-set below: a note is never stale.
    await lockCriterion(tx, opportunity.id, def.id);
    const current = await tx.criterionState.findUnique({ where: { opportunityId_criterionId: { opportunityId: opportunity.id, criterionId: def.id } } });
    const from = current?.state ?? "unknown";
    const to = stateAfter(from, entry.state);
    if (from === to) continue;
    if (!(await setCriterionState(tx, { user, opportunityId: opportunity.id, criterionId: def.id, from, to }))) throw stateChanged(def.label);
    await tx.criterionChange.create({
      data: { organizationId: user.organizationId, opportunityId: opportunity.id, criterionId: def.id, fromState: from, toState: to, actorId: user.id, evidenceId: evidence.id, reason: "Discovery note",
        // Stamped after the check-and-set, not at request start, so the history reads in commit order.
        at: new Date() },
    });
  }
  // Whoever gave evidence was just engaged: their committee roles show it.
  if (validContacts.size > 0) {
    await tx.stakeholder.updateMany({ where: { opportunityId: opportunity.id, contactId: { in: [...validContacts] } }, data: { lastEngagedAt: now } });
  }
}
