"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Combobox } from "@/components/ui/combobox";
import { updateOpportunityAction } from "@/lib/actions/opportunities/update-opportunity";

/**
 * A deal's owner changed in place: a searchable picker of the colleagues who may work deals. The pick goes through
 * the deal's one update use case with the version the page showed, so the same rule holds as in the bulk reassign
 * (a rep hands on only their own deal; a manager may reassign any). A refusal stays under the picker, named.
 */
export function InlineOwner({
  opportunityId,
  version,
  dealName,
  owner,
  owners,
}: {
  opportunityId: string;
  version: number;
  dealName: string;
  owner: { id: string; name: string };
  /** The colleagues the deal may be handed to. */
  owners: ReadonlyArray<{ id: string; name: string }>;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const { executeAsync, isPending } = useAction(updateOpportunityAction);
  const options = owners.some((o) => o.id === owner.id) ? owners : [owner, ...owners];
  const errorId = `${opportunityId}-owner-error`;

  async function hand(ownerId: string) {
    if (ownerId === "" || ownerId === owner.id || isPending) return;
    const name = options.find((o) => o.id === ownerId)?.name ?? "the new owner";
    setPending(ownerId);
    const outcome = await executeAsync({ id: opportunityId, version, ownerId });
    setPending(null);
    if (outcome.data) {
      setError(null);
      toast.success(`${dealName} is now ${name}'s.`);
      router.refresh();
      return;
    }
    const refusal =
      outcome.serverError?.code === "CONFLICT"
        ? "Someone else changed this deal first. The current owner is shown now; pick again to change it."
        : (outcome.validationErrors?.fieldErrors?.ownerId?.[0] ?? outcome.serverError?.message ?? "Could not change the owner. Try again.");
    setError(`Not reassigned: ${refusal}`);
    // Refused because the deal is no longer this user's to hand on: the refreshed page shows the owner as plain
    // text, and this editor (with its message) goes away with it. The toast outlives it.
    const code = outcome.serverError?.code;
    if (code === "FORBIDDEN" || code === "NOT_FOUND") toast.error(`Not reassigned: ${refusal}`);
    router.refresh();
  }

  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <Combobox
        id={`${opportunityId}-owner`}
        name="ownerId"
        aria-label={`Owner of ${dealName}`}
        searchLabel="Search colleagues"
        options={options.map((o) => ({ value: o.id, label: o.name }))}
        value={pending ?? owner.id}
        onChange={(next) => void hand(next)}
        placeholder="Pick an owner…"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="h-7 w-auto max-w-48 px-1.5 py-0.5 shadow-none ring-0 hover:bg-slate-100 hover:ring-1"
      />
      {error && (
        <span id={errorId} role="alert" className="text-xs text-rose-700" data-testid="inline-owner-error">
          {error}
        </span>
      )}
    </span>
  );
}
