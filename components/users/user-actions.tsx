"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { deactivateUserAction } from "@/lib/actions/users/deactivate-user";
import { issueResetLinkAction } from "@/lib/actions/users/issue-reset-link";
import { reactivateUserAction } from "@/lib/actions/users/reactivate-user";

/** Deactivate or reactivate a colleague, and hand them a one-time reset link (shown here once without mail). */
export function UserActions({ userId, name, active }: { userId: string; name: string; active: boolean }) {
  const router = useRouter();
  const [link, setLink] = useState<string | null>(null);
  const onError = ({ error }: { error: { serverError?: { message: string } } }) => toast.error(error.serverError?.message ?? "That did not work.");
  const deactivate = useAction(deactivateUserAction, {
    onSuccess: () => {
      toast.success(`${name} is deactivated and signed out everywhere.`);
      router.refresh();
    },
    onError,
  });
  const reactivate = useAction(reactivateUserAction, {
    onSuccess: () => {
      toast.success(`${name} can sign in again.`);
      router.refresh();
    },
    onError,
  });
  const reset = useAction(issueResetLinkAction, {
    onSuccess: ({ data }) => {
      if (data?.emailed) toast.success(`A reset link was emailed to ${name}.`);
      else setLink(data?.link ?? null);
    },
    onError,
  });
  const busy = deactivate.isPending || reactivate.isPending || reset.isPending;

  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        {active ? (
          <>
            <Button size="sm" variant="secondary" disabled={busy} onClick={() => reset.execute({ userId })}>
              Reset link
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={busy}
              onClick={() => {
                if (window.confirm(`Deactivate ${name}? They are signed out at once; their records stay.`)) deactivate.execute({ userId });
              }}
            >
              Deactivate
            </Button>
          </>
        ) : (
          <Button size="sm" variant="secondary" disabled={busy} onClick={() => reactivate.execute({ userId })}>
            Reactivate
          </Button>
        )}
      </div>
      {link && (
        <div className="max-w-md rounded-md bg-amber-50 p-2 text-xs text-amber-900 ring-1 ring-amber-200" data-testid="reset-link">
          <p className="font-medium">Send this link to {name} privately. It works once, for 24 hours, and is not shown again:</p>
          <input
            readOnly
            value={link}
            className="mt-1 w-full rounded bg-white px-2 py-1 font-mono"
            onFocus={(e) => e.currentTarget.select()}
            aria-label="Reset link"
          />
        </div>
      )}
    </div>
  );
}
