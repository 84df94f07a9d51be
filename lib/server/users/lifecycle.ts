import "server-only";
import bcrypt from "bcryptjs";
import type { z } from "zod";
import type { changePasswordSchema, resetPasswordSchema, userIdSchema } from "../../validation/user";
import { forgetApiCallersOf } from "../api/keys";
import { recordAudit } from "../audit";
import { endAllSessions } from "../auth-sessions";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { canSendMail, sendMail } from "../mail";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";
import { transaction } from "../transaction";
import { assertAnotherActiveAdmin, lockOrganizationAdmins } from "./admin-guard";
import { hashPassword, hashToken, issueResetToken, RESET_LINK_HOURS, resetLinkFor } from "./passwords";

/** Deactivated users cannot sign in and their sessions end at once; their records and history stay. */
export async function deactivateUser(user: SessionUser, input: z.infer<typeof userIdSchema>) {
  const result = await transaction(async (tx) => {
    await lockOrganizationAdmins(tx, user);
    const target = await tx.user.findFirst({ where: inOrg(user, { id: input.userId }), select: { id: true, role: true, deactivatedAt: true } });
    if (!target) throw notFound("User");
    if (target.id === user.id) throw new AppError("INVALID", "You cannot deactivate yourself; ask another admin.");
    if (target.deactivatedAt) return { id: target.id };
    if (target.role === "admin") {
      await assertAnotherActiveAdmin(tx, user, target.id);
    }
    const now = new Date();
    await tx.user.update({ where: { id: target.id }, data: { deactivatedAt: now } });
    const ended = await endAllSessions(tx, target.id, { now });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "user",
      entityId: target.id,
      action: "deactivate",
      after: { deactivatedAt: now, sessionsEnded: ended },
    });
    return { id: target.id };
  });
  // Their API keys stop in this process at once, in others within API_KEY_CACHE_MS.
  forgetApiCallersOf(result.id);
  return result;
}

export async function reactivateUser(user: SessionUser, input: z.infer<typeof userIdSchema>) {
  return transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: inOrg(user, { id: input.userId, deactivatedAt: { not: null } }),
      data: { deactivatedAt: null },
    });
    if (count === 0) {
      if (!(await tx.user.findFirst({ where: inOrg(user, { id: input.userId }), select: { id: true } }))) throw notFound("User");
      return { id: input.userId };
    }
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "user",
      entityId: input.userId,
      action: "reactivate",
    });
    return { id: input.userId };
  });
}

/**
 * A one-time link to set a new password, valid for a day. Only its hash is stored; earlier unused links of
 * the user stop working. With mail configured it goes to the user; otherwise the admin sees it once.
 */
export async function issueResetLink(
  user: SessionUser,
  input: z.infer<typeof userIdSchema>,
): Promise<{ id: string; emailed: boolean; link: string | null }> {
  const now = new Date();
  const { target, token } = await transaction(async (tx) => {
    const found = await tx.user.findFirst({
      where: inOrg(user, { id: input.userId }),
      select: { id: true, email: true, name: true, deactivatedAt: true },
    });
    if (!found) throw notFound("User");
    if (found.deactivatedAt) throw new AppError("INVALID", "Reactivate this user before sending a reset link.");
    const token = await issueResetToken(tx, found.id, user.id, now);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "user",
      entityId: found.id,
      action: "issue_reset_link",
    });
    return { target: found, token };
  });
  const link = resetLinkFor(token);
  if (!canSendMail()) return { id: target.id, emailed: false, link };
  await sendMail({
    to: target.email,
    subject: "Set a new Winnow password",
    text: `Hello ${target.name},\n\nAn admin of your organization sent you a link to set a new password. It works once, for ${RESET_LINK_HOURS} hours:\n\n${link}\n`,
  });
  return { id: target.id, emailed: true, link: null };
}

/** Anyone holding a live link may set the password once; every session of that user ends. */
export async function resetPassword(input: z.infer<typeof resetPasswordSchema>): Promise<void> {
  const passwordHash = await hashPassword(input.newPassword);
  await transaction(async (tx) => {
    const now = new Date();
    const token = await tx.passwordResetToken.findUnique({ where: { tokenHash: hashToken(input.token) } });
    // Claim the token in the same statement that checks it, so two uses of one link cannot both succeed.
    const claimed = token
      ? await tx.passwordResetToken.updateMany({ where: { id: token.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
      : { count: 0 };
    if (!token || claimed.count === 0) throw new AppError("INVALID", "This reset link has expired or was already used. Ask an admin for a new one.");
    const target = await tx.user.update({ where: { id: token.userId }, data: { passwordHash }, select: { id: true, organizationId: true } });
    await endAllSessions(tx, target.id, { now });
    await recordAudit(tx, {
      organizationId: target.organizationId,
      actorId: target.id,
      entityType: "user",
      entityId: target.id,
      action: "reset_password",
    });
  });
}

/** Changing one's own password ends every other session (a thief's copy included), keeping this one. */
export async function changeOwnPassword(user: SessionUser, input: z.infer<typeof changePasswordSchema>, currentSessionId: string | undefined) {
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await bcrypt.compare(input.currentPassword, row.passwordHash))) {
    throw new AppError("INVALID", "Your current password is not right.", {
      fieldErrors: { currentPassword: ["This is not your current password."] },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const ended = await endAllSessions(tx, user.id, { except: currentSessionId });
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "user",
      entityId: user.id,
      action: "change_password",
      after: { otherSessionsEnded: ended },
    });
    return { otherSessionsEnded: ended };
  });
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere(user: SessionUser) {
  return transaction(async (tx) => {
    const ended = await endAllSessions(tx, user.id);
    await recordAudit(tx, {
      organizationId: user.organizationId,
      actorId: user.id,
      entityType: "user",
      entityId: user.id,
      action: "sign_out_everywhere",
      after: { sessionsEnded: ended },
    });
    return { sessionsEnded: ended };
  });
}
