"use client";

import { useAction } from "next-safe-action/hooks";
import { useRef } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "@/lib/actions/users/sign-out-everywhere";

/**
 * Ends every session, then signs this browser out the way the sidebar's button does: a form posted to next-auth's
 * endpoint with the CSRF token the page read from the cookie, so the page does not ship next-auth's client.
 */
export function SignOutEverywhere({ csrfToken }: { csrfToken: string }) {
  const signOutForm = useRef<HTMLFormElement>(null);
  const { execute, isPending, hasSucceeded } = useAction(signOutEverywhereAction, {
    onSuccess: () => signOutForm.current?.requestSubmit(),
    onError: ({ error }) => toast.error(error.serverError?.message ?? "Could not sign out everywhere."),
  });
  return (
    <>
      <form ref={signOutForm} method="post" action="/api/auth/signout" hidden>
        <input type="hidden" name="csrfToken" value={csrfToken} />
        <input type="hidden" name="callbackUrl" value="/login" />
      </form>
      <Button variant="secondary" disabled={isPending || hasSucceeded} onClick={() => execute({})}>
        {isPending || hasSucceeded ? "Signing out…" : "Sign out everywhere"}
      </Button>
    </>
  );
}
