import "server-only";
import type { Tx } from "./db";
import { db } from "./db";

/** How long a browser sign-in lasts; the JWT and its session row expire together. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** A new sign-in: the returned id goes into the JWT, and the session lives exactly as long as this row does. */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  const row = await db().authSession.create({ data: { userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) } });
  return row.id;
}

/** Whether the JWT's session is still one the server honours (not signed out, not ended by an admin). */
export async function isSessionLive(sessionId: string, userId: string, now = new Date()): Promise<boolean> {
  const row = await db().authSession.findFirst({ where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: now } }, select: { id: true } });
  return row !== null;
}

/** Signs out one browser: a copy of its cookie stops working at once. */
export async function endSession(sessionId: string, now = new Date()): Promise<void> {
  await db().authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/**
 * Ends every session of a user (sign out everywhere, password change, deactivation), optionally keeping the
 * one making the request. Runs in the caller's transaction when given one, so it commits with the change.
 */
export async function endAllSessions(
  client: Tx | ReturnType<typeof db>,
  userId: string,
  options: { except?: string; now?: Date } = {},
): Promise<number> {
  const { count } = await client.authSession.updateMany({
    where: { userId, revokedAt: null, ...(options.except ? { id: { not: options.except } } : {}) },
    data: { revokedAt: options.now ?? new Date() },
  });
  return count;
}
