"use client";

import { useAction } from "next-safe-action/hooks";
import { signOut } from "next-auth/react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "@/lib/actions/users/sign-out-everywhere";

export function SignOutEverywhere() {
  const { execute, isPending } = useAction(signOutEverywhereAction, {
    onSuccess: () => void signOut({ callbackUrl: "/login" }),
    onError: ({ error }) => toast.error(error.serverError?.message ?? "Could not sign out everywhere."),
  });
  return (
    <Button variant="secondary" disabled={isPending} onClick={() => execute({})}>
      {isPending ? "Signing out…" : "Sign out everywhere"}
    </Button>
  );
}
