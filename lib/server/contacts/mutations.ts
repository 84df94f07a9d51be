import "server-only";
import type { z } from "zod";
import type { createContactSchema, updateContactSchema } from "../../validation/contact";
import { recordAudit } from "../audit";
import { db } from "../db";
import { notFound } from "../errors";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

export async function createContact(user: SessionUser, input: z.infer<typeof createContactSchema>) {
  return db().$transaction(async (tx) => {
    const account = await tx.account.findFirst({ where: inOrg(user, { id: input.accountId }), select: { id: true } });
    if (!account) throw notFound("Account");
    const contact = await tx.contact.create({ data: { ...input, organizationId: user.organizationId } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "contact",
      entityId: contact.id,
      action: "create",
      after: contact,
    });
    return contact;
  });
}

export async function updateContact(user: SessionUser, input: z.infer<typeof updateContactSchema>) {
  const { id, ...fields } = input;
  return db().$transaction(async (tx) => {
    const before = await tx.contact.findFirst({ where: inOrg(user, { id }) });
    if (!before) throw notFound("Contact");
    const account = await tx.account.findFirst({ where: inOrg(user, { id: fields.accountId }), select: { id: true } });
    if (!account) throw notFound("Account");
    const after = await tx.contact.update({ where: { id }, data: fields });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "contact",
      entityId: id,
      action: "update",
      before,
      after,
    });
    return after;
  });
}
