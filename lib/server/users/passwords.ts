// No "server-only" marker: the organization CLI creates a first admin with these outside Next.
import { createHash, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { env } from "../../env";
import type { Tx } from "../db";

/** How long a reset link works. */
export const RESET_LINK_HOURS = 24;

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A one-time token to set the user's password, valid for a day. Only its hash is stored, and the user's earlier
 * unused tokens stop working. Returns the token itself, which is shown or mailed once.
 */
export async function issueResetToken(tx: Tx, userId: string, createdById: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  await tx.passwordResetToken.create({
    data: { userId, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + RESET_LINK_HOURS * 3_600_000), createdById },
  });
  return token;
}

export const resetLinkFor = (token: string) => `${env().NEXTAUTH_URL ?? "http://127.0.0.1:3000"}/reset-password/${token}`;
