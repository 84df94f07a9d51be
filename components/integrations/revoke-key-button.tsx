"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { revokeApiKeyAction } from "@/lib/actions/integrations/revoke-api-key";

export function RevokeKeyButton({ keyId, name }: { keyId: string; name: string }) {
  const router = useRouter();
  const { execute, isPending } = useAction(revokeApiKeyAction, {
    onSuccess: () => {
      toast.success(`“${name}” is revoked; requests with it now get 401.`);
      router.refresh();
    },
    onError: ({ error }) => toast.error(error.serverError?.message ?? "Could not revoke the key."),
  });
  return (
    <Button
      type="button"
      size="sm"
      variant="secondary"
      disabled={isPending}
      aria-label={`Revoke ${name}`}
      onClick={() => {
        if (window.confirm(`Revoke “${name}”? Anything using it stops working at once.`)) execute({ keyId });
      }}
    >
      Revoke
    </Button>
  );
}
