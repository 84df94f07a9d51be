import "server-only";
import { db } from "../db";
import { notFound } from "../errors";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

export async function getContact(user: SessionUser, id: string) {
  const contact = await db().contact.findFirst({ where: inOrg(user, { id }), include: { account: { select: { id: true, name: true } } } });
  if (!contact) throw notFound("Contact");
  return contact;
}
