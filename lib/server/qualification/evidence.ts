import "server-only";
import type { z } from "zod";
import type { EvidenceState, Framework } from "../../qualification";
import type { evidenceEntrySchema } from "../../validation/qualification";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { SessionUser } from "../session";
import { lockCriterion } from "./criterion-lock";

type EvidenceEntry = z.infer<typeof evidenceEntrySchema>;

/**
 * The state a criterion takes when new evidence arrives: the latest word wins, except that a mere claim does
 * not undo a verification (it only refreshes the evidence). A "no" always counts: it is knowledge.
 */
export function stateAfter(current: EvidenceState, asserted: Exclude<EvidenceState, "unknown">): EvidenceState {
  return current === "verified" && asserted === "claimed" ? "verified" : asserted;
}

interface ApplyEvidence {
  user: SessionUser;
  opportunity: { id: string; accountId: string };
  framework: Framework;
  entries: EvidenceEntry[];
  noteId: string | null;
  now: Date;
}

/** Records evidence entries, moves criterion states with a history row each, and marks contacts engaged. */
export async function applyEvidence(tx: Tx, { user, opportunity, framework, entries, noteId, now }: ApplyEvidence): Promise<void> {
  const known = new Set(framework.criteria.map((c) => c.id));
  const contactIds = [...new Set(entries.flatMap((e) => (e.contactId ? [e.contactId] : [])))];
  const contacts = await tx.contact.findMany({ where: { id: { in: contactIds }, organizationId: user.organizationId, accountId: opportunity.accountId }, select: { id: true } });
  const validContacts = new Set(contacts.map((c) => c.id));

  for (const [index, entry] of entries.entries()) {
    if (!known.has(entry.criterionId)) {
      throw new AppError("INVALID", `"${entry.criterionId}" is not a criterion of ${framework.name}.`, { fieldErrors: { [`evidence.${index}.criterionId`]: ["Pick a criterion of your framework."] } });
    }
    if (entry.contactId && !validContacts.has(entry.contactId)) {
      throw new AppError("INVALID", "The contact must be someone at this deal's account.", { fieldErrors: { [`evidence.${index}.contactId`]: ["Pick a contact at this account."] } });
    }
    const verified = entry.state === "verified";
    const evidence = await tx.evidence.create({
      data: {
        organizationId: user.organizationId, opportunityId: opportunity.id, criterionId: entry.criterionId, state: entry.state, noteId,
        contactId: entry.contactId, excerpt: entry.excerpt, capturedAt: now, capturedById: user.id,
        verifiedById: verified ? user.id : null, verifiedAt: verified ? now : null,
      },
    });
    await lockCriterion(tx, opportunity.id, entry.criterionId);
    const current = await tx.criterionState.findUnique({ where: { opportunityId_criterionId: { opportunityId: opportunity.id, criterionId: entry.criterionId } } });
    const from = current?.state ?? "unknown";
    const to = stateAfter(from, entry.state);
    await tx.criterionState.upsert({
      where: { opportunityId_criterionId: { opportunityId: opportunity.id, criterionId: entry.criterionId } },
      create: { organizationId: user.organizationId, opportunityId: opportunity.id, criterionId: entry.criterionId, state: to, updatedById: user.id },
      update: { state: to, updatedById: user.id },
    });
    if (from !== to) {
      await tx.criterionChange.create({
        data: { organizationId: user.organizationId, opportunityId: opportunity.id, criterionId: entry.criterionId, fromState: from, toState: to, actorId: user.id, evidenceId: evidence.id, reason: "Discovery note",
          // Stamped after the criterion's lock, not at request start, so the history reads in commit order.
          at: new Date() },
      });
    }
  }
  // Whoever gave evidence was just engaged: their committee roles show it.
  if (validContacts.size > 0) {
    await tx.stakeholder.updateMany({ where: { opportunityId: opportunity.id, contactId: { in: [...validContacts] } }, data: { lastEngagedAt: now } });
  }
}
