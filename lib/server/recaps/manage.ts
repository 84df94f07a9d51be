import "server-only";
import type { z } from "zod";
import { RECAP_VALID_DAYS, type RecapPoint } from "../../qualification";
import type { createRecapSchema, revokeRecapSchema } from "../../validation/recap";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { logger } from "../logger";
import { canSendMail, sendMail } from "../mail";
import { assertMayActOn, inOrg } from "../scope";
import type { SessionUser } from "../session";
import { loadQualificationSettings } from "../qualification/settings";
import { newRecapToken, recapLink } from "./token";

export interface CreatedRecap {
  id: string;
  /** The link with its raw token: returned this once, never stored. */
  link: string;
  emailed: boolean;
  /** Why the email did not go out, when it was asked for and failed. */
  mailError: string | null;
}

/**
 * A recap of the deal for one buyer contact, with the points as the rep edited them. The link works for
 * RECAP_VALID_DAYS days; only its hash is kept. With `email` and SMTP settings, it is also emailed to the contact.
 */
export async function createRecap(user: SessionUser, input: z.infer<typeof createRecapSchema>, now = new Date()): Promise<CreatedRecap> {
  if (input.email && !canSendMail()) throw new AppError("INVALID", "Email is not set up on this server (SMTP_URL): copy the link instead.");
  const { token, tokenHash } = newRecapToken();
  const created = await db().$transaction(async (tx) => {
    const opportunity = await tx.opportunity.findFirst({
      where: inOrg(user, { id: input.opportunityId }),
      select: { id: true, ownerId: true, accountId: true, name: true, status: true, pipelineId: true },
    });
    if (!opportunity) throw notFound("Opportunity");
    assertMayActOn(user, "qualification.record", opportunity);
    if (opportunity.status !== "open") throw new AppError("INVALID", "Recaps are for open deals.");
    const contact = await tx.contact.findFirst({
      where: inOrg(user, { id: input.contactId, accountId: opportunity.accountId }),
      select: { id: true, name: true, email: true },
    });
    if (!contact)
      throw new AppError("INVALID", "Pick a contact at this deal's account.", { fieldErrors: { contactId: ["Pick a contact at this account."] } });
    if (input.email && !contact.email)
      throw new AppError("INVALID", `${contact.name} has no email address: copy the link instead.`, {
        fieldErrors: { email: ["This contact has no email address."] },
      });
    const { framework } = await loadQualificationSettings(tx, user.organizationId, opportunity.pipelineId);
    const points: RecapPoint[] = input.points.map((p, index) => {
      const def = framework.criteria.find((c) => c.id === p.criterionId);
      if (!def)
        throw new AppError("INVALID", `"${p.criterionId}" is not a criterion of ${framework.name}.`, {
          fieldErrors: { [`points.${index}.criterionId`]: ["Pick a criterion of your framework."] },
        });
      return { criterionId: def.id, label: def.label, text: p.text };
    });
    const recap = await tx.recap.create({
      data: {
        organizationId: user.organizationId,
        opportunityId: opportunity.id,
        contactId: contact.id,
        points: points as never,
        tokenHash,
        createdById: user.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + RECAP_VALID_DAYS * 86_400_000),
      },
    });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "recap",
      entityId: recap.id,
      action: "create",
      after: { opportunityId: opportunity.id, contactId: contact.id, points: points.map((p) => p.criterionId), expiresAt: recap.expiresAt },
    });
    return { recap, contact, opportunity };
  });

  const link = recapLink(token);
  if (!input.email || !created.contact.email) return { id: created.recap.id, link, emailed: false, mailError: null };
  try {
    await sendMail({
      to: created.contact.email,
      subject: `${user.organizationName}: did we get this right?`,
      text:
        `Hello ${created.contact.name},\n\n${user.name} wrote down what ${user.organizationName} understands so far about ${created.opportunity.name}. ` +
        `Could you confirm or correct each point? It takes a minute and needs no account:\n\n${link}\n\nThe link works for ${RECAP_VALID_DAYS} days.\n`,
    });
  } catch (error) {
    logger.warn({ err: error, recapId: created.recap.id }, "recap email failed");
    return { id: created.recap.id, link, emailed: false, mailError: "The email could not be sent; copy the link instead." };
  }
  await db().$transaction(async (tx) => {
    await tx.recap.update({ where: { id: created.recap.id }, data: { sentAt: new Date() } });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "recap",
      entityId: created.recap.id,
      action: "email",
      after: { to: created.contact.id },
    });
  });
  return { id: created.recap.id, link, emailed: true, mailError: null };
}

/** Revoking stops the link at once; answers already given stay on record. */
export async function revokeRecap(user: SessionUser, input: z.infer<typeof revokeRecapSchema>, now = new Date()) {
  return db().$transaction(async (tx) => {
    const recap = await tx.recap.findFirst({
      where: inOrg(user, { id: input.recapId }),
      select: { id: true, opportunityId: true, revokedAt: true, opportunity: { select: { ownerId: true } } },
    });
    if (!recap) throw notFound("Recap");
    assertMayActOn(user, "qualification.record", recap.opportunity);
    const { count } = await tx.recap.updateMany({ where: { id: recap.id, revokedAt: null }, data: { revokedAt: now, revokedById: user.id } });
    if (count > 0)
      await recordAudit(tx, { organizationId: user.organizationId, actorId: user.id, entityType: "recap", entityId: recap.id, action: "revoke" });
    return { id: recap.id, opportunityId: recap.opportunityId };
  });
}
