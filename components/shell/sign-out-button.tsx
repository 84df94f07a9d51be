import { LogOut } from "lucide-react";
import { cookies } from "next/headers";

// next-auth's names for its double-submit CSRF cookie ("<token>|<hash>"); the __Host- one under https.
const CSRF_COOKIES = ["__Host-next-auth.csrf-token", "next-auth.csrf-token"];

/** The token half of next-auth's CSRF cookie, for a sign-out form posted to `/api/auth/signout`. */
export async function signOutCsrfToken() {
  const jar = await cookies();
  return (
    CSRF_COOKIES.map((name) => jar.get(name)?.value)
      .find(Boolean)
      ?.split("|")[0] ?? ""
  );
}

/**
 * Sign-out as a plain form posted to next-auth's own endpoint, so no page ships next-auth's client (≈15 kB gzipped)
 * for one button. next-auth checks the token against its cookie, runs the signOut event (which ends the session row)
 * and redirects to callbackUrl. Without the cookie it answers with its own confirmation page instead, which still signs out.
 */
export async function SignOutButton() {
  const csrf = await signOutCsrfToken();
  return (
    <form method="post" action="/api/auth/signout" className="shrink-0">
      <input type="hidden" name="csrfToken" value={csrf} />
      <input type="hidden" name="callbackUrl" value="/login" />
      <button
        type="submit"
        className="rounded-md p-1.5 text-sidebar-muted hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:outline-2 focus-visible:outline-sidebar-ring"
      >
        <LogOut className="size-4" aria-hidden />
        <span className="sr-only">Sign out</span>
      </button>
    </form>
  );
}
