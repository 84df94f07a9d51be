import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "../permissions";
import { authOptions } from "./auth";
import { isSessionLive } from "./auth-sessions";
import { db } from "./db";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  /** The browser session this request came with (absent for callers that are not a browser, e.g. tests). */
  sessionId?: string;
}

/**
 * The signed-in user, read fresh from the database on each request: the JWT only says who they are and
 * which session, so a role change, a deactivation or an ended session (sign-out, sign out everywhere,
 * password change) takes effect at once rather than when the token expires.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.userId || !session.sessionId) return null;
  const [user, live] = await Promise.all([
    db().user.findUnique({ where: { id: session.userId }, include: { organization: true } }),
    isSessionLive(session.sessionId, session.userId),
  ]);
  if (!user || !live || user.deactivatedAt) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
    organizationName: user.organization.name,
    sessionId: session.sessionId,
  };
});

/** For pages: the user, or a redirect to sign in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}
