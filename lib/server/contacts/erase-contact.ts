import "server-only";
import type { z } from "zod";
import type { eraseContactSchema } from "../../validation/contact";
import { recordAudit } from "../audit";
import { notFound } from "../errors";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";
import { transaction } from "../transaction";

const ERASED_NAME = "Erased contact";
const REDACTED = "[erased]";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces every mention of the erased person's identifiers in a text, case-insensitively. */
function redact(text: string, identifiers: string[]): string {
  const terms = identifiers
    .map((s) => s.trim())
    .filter((s) => s.length >= 3)
    .sort((a, b) => b.length - a.length);
  return terms.length === 0 ? text : text.replace(new RegExp(terms.map(escape).join("|"), "gi"), REDACTED);
}

/**
 * A contact's right to erasure: name, title, email and phone are replaced; what they said stays as evidence
 * (the deal's qualification still rests on it) but no longer names them; committee roles stay, anonymous.
 * The audit trail is kept; the erasure's own audit row holds no personal data.
 */
export async function eraseContact(user: SessionUser, input: z.infer<typeof eraseContactSchema>) {
  return transaction(async (tx) => {
    const contact = await tx.contact.findFirst({ where: inOrg(user, { id: input.contactId }) });
    if (!contact) throw notFound("Contact");
    const identifiers = [contact.name, contact.email, contact.phone].filter((s): s is string => Boolean(s));
    const evidence = await tx.evidence.findMany({
      where: { organizationId: user.organizationId, OR: [{ contactId: contact.id }, { opportunity: { accountId: contact.accountId } }] },
      select: { id: true, excerpt: true },
    });
    let excerpts = 0;
    for (const row of evidence) {
      const excerpt = redact(row.excerpt, identifiers);
      if (excerpt !== row.excerpt) excerpts++;
      await tx.evidence.update({ where: { id: row.id }, data: { excerpt, contactId: null } });
    }
    const notes = await tx.note.findMany({
      where: { organizationId: user.organizationId, OR: [{ accountId: contact.accountId }, { opportunity: { accountId: contact.accountId } }] },
      select: { id: true, body: true },
    });
    let notesRedacted = 0;
    for (const note of notes) {
      const body = redact(note.body, identifiers);
      if (body !== note.body) {
        notesRedacted++;
        await tx.note.update({ where: { id: note.id }, data: { body } });
      }
    }
    await tx.contact.update({ where: { id: contact.id }, data: { name: ERASED_NAME, title: null, email: null, phone: null } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "contact",
      entityId: contact.id,
      action: "erase",
      after: { fieldsErased: ["name", "title", "email", "phone"], excerptsRedacted: excerpts, notesRedacted },
      reason: input.reason,
    });
    return { id: contact.id, accountId: contact.accountId };
  });
}
