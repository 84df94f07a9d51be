import "server-only";
import bcrypt from "bcryptjs";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInSchema } from "../validation/auth";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "./auth-sessions";
import { db } from "./db";
import { beginSignInAttempt, signInSucceeded } from "./login-throttle";
import { clientAddress } from "./client-address";
import { oidcProviders, provisionSsoUser } from "./sso";

/** What authorize throws when sign-in is throttled; the login form reads the seconds from it. */
const THROTTLED_PREFIX = "THROTTLED:";

/**
 * Checks an email and password, after counting the attempt against the account and the client address.
 * Deactivated users are refused like a wrong password, so the answer reveals nothing.
 */
export async function authorizeCredentials(credentials: unknown, ip: string | null, now = new Date()) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const email = parsed.data.email.toLowerCase();
  const wait = await beginSignInAttempt(email, ip, now);
  if (wait > 0) throw new Error(`${THROTTLED_PREFIX}${wait}`);
  const user = await db().user.findUnique({ where: { email } });
  // Compare against a dummy hash when the user is unknown, so timing does not reveal which emails exist.
  const ok = await bcrypt.compare(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.deactivatedAt) return null;
  await signInSucceeded(email, ip);
  return { id: user.id, email: user.email, name: user.name };
}

/**
 * Stateless JWT sessions (any app instance can serve any request) that can still be ended: each JWT names a
 * session row, which getSessionUser checks on every request together with the user it already re-reads.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorizeCredentials(credentials, clientAddress(req.headers ?? {})),
    }),
    ...oidcProviders(),
  ],
  callbacks: {
    async signIn({ user, account }) {
      if (!account || account.provider === "credentials") return true;
      // Single sign-on: the email must belong to an active user, or to a domain mapped to an organization.
      return (await provisionSsoUser(user.email ?? null, user.name)) !== null;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const userId = account.provider === "credentials" ? user.id : await provisionSsoUser(user.email ?? null, user.name);
        if (!userId) throw new Error("AccessDenied");
        token.sub = userId;
        token.sid = await startSession(userId);
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sessionId: typeof token.sid === "string" ? token.sid : undefined };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(token.sid);
    },
  },
};

const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.yXlQy5Ck5fMSPVJ.0WZpQ6FuOL.K";
