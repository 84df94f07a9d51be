import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** Set by our session callback from the JWT subject; everything else is read fresh from the database. */
    userId?: string;
    /** The AuthSession row this browser's JWT names; ending it signs the browser out. */
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
