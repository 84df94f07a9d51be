"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { redeliverWebhookAction } from "@/lib/actions/integrations/redeliver-webhook";
import { updateWebhookAction } from "@/lib/actions/integrations/update-webhook";

const DONE = { enable: "Endpoint enabled; pending deliveries resume.", disable: "Endpoint disabled.", delete: "Endpoint deleted." } as const;

export function WebhookEndpointButtons({ endpointId, disabled }: { endpointId: string; disabled: boolean }) {
  const router = useRouter();
  const { execute, isPending } = useAction(updateWebhookAction, {
    onSuccess: ({ data }) => {
      if (data) toast.success(DONE[data.op]);
      router.refresh();
    },
    onError: ({ error }) => toast.error(error.serverError?.message ?? "Could not change the endpoint."),
  });
  return (
    <div className="flex gap-2">
      <Button
        type="button"
        size="sm"
        variant="secondary"
        disabled={isPending}
        onClick={() => execute({ endpointId, op: disabled ? "enable" : "disable" })}
      >
        {disabled ? "Enable" : "Disable"}
      </Button>
      <Button
        type="button"
        size="sm"
        variant="ghost"
        disabled={isPending}
        onClick={() => window.confirm("Delete this endpoint and its delivery log?") && execute({ endpointId, op: "delete" })}
      >
        Delete
      </Button>
    </div>
  );
}

export function RedeliverButton({ deliveryId }: { deliveryId: string }) {
  const router = useRouter();
  const { execute, isPending } = useAction(redeliverWebhookAction, {
    onSuccess: () => {
      toast.success("Queued for delivery again.");
      router.refresh();
    },
    onError: ({ error }) => toast.error(error.serverError?.message ?? "Could not queue it."),
  });
  return (
    <Button type="button" size="sm" variant="ghost" disabled={isPending} onClick={() => execute({ deliveryId })}>
      Redeliver
    </Button>
  );
}
