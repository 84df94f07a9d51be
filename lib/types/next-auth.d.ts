import "next-auth";

declare module "next-auth" {
  interface Session {
    /** Set by our session callback from the JWT subject; everything else is read fresh from the database. */
    userId?: string;
  }
}
