"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { updateCriterionAction } from "@/lib/actions/qualification/update-criterion";

/** Verify a claim (the user confirmed it), or reset a criterion to unknown when its evidence no longer holds. */
export function CriterionActions({ opportunityId, criterionId, label, state }: { opportunityId: string; criterionId: string; label: string; state: string }) {
  const router = useRouter();
  const { execute, isPending } = useAction(updateCriterionAction, {
    onSuccess: () => router.refresh(),
    onError: ({ error }) => toast.error(error.serverError?.message ?? "Could not update the criterion."),
  });
  return (
    <div className="flex justify-end gap-1">
      {state === "claimed" && (
        <button type="button" disabled={isPending} onClick={() => execute({ opportunityId, criterionId, op: "verify" })} className="rounded px-2 py-1 text-xs font-medium text-emerald-700 hover:bg-emerald-50" aria-label={`Verify ${label}`}>
          Verify
        </button>
      )}
      {state !== "unknown" && (
        <button type="button" disabled={isPending} onClick={() => execute({ opportunityId, criterionId, op: "reset", reason: "Reset by user" })} className="rounded px-2 py-1 text-xs font-medium text-slate-500 hover:bg-slate-100" aria-label={`Reset ${label}`}>
          Reset
        </button>
      )}
    </div>
  );
}
