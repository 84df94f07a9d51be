"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Combobox } from "@/components/ui/combobox";
import { Input } from "@/components/ui/field";
import { updateCriterionAction } from "@/lib/actions/qualification/update-criterion";

export interface ProofContact {
  id: string;
  name: string;
  /** Their roles on this deal's committee, in words ("Economic buyer"); empty when not on it. */
  roles: string;
}

/**
 * Verify a claim with its proof (who said it, or a document), or reset a criterion to unknown when its evidence
 * no longer holds. The server decides whether the proof is enough and says what is missing when it is not.
 */
export function CriterionActions({
  opportunityId,
  criterionId,
  label,
  state,
  contacts,
  proofHint,
}: {
  opportunityId: string;
  criterionId: string;
  label: string;
  state: string;
  contacts: ProofContact[];
  proofHint: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [contactId, setContactId] = useState("");
  const [documentRef, setDocumentRef] = useState("");
  const [excerpt, setExcerpt] = useState("");
  const { execute, isPending, result, reset } = useAction(updateCriterionAction, {
    onSuccess: () => {
      setOpen(false);
      toast.success(`${label} verified`);
      router.refresh();
    },
    onError: ({ error }) => {
      if (!error.serverError) toast.error("Could not update the criterion.");
    },
  });
  const refusal = result.serverError?.message;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex justify-end gap-1">
        {state === "claimed" && (
          <button
            type="button"
            disabled={isPending}
            onClick={() => {
              setOpen((o) => !o);
              reset();
            }}
            className="rounded px-2 py-1 text-xs font-medium text-emerald-700 hover:bg-emerald-50"
            aria-label={`Verify ${label}`}
            aria-expanded={open}
          >
            Verify
          </button>
        )}
        {state !== "unknown" && (
          <ConfirmDialog
            trigger={
              <button
                type="button"
                disabled={isPending}
                className="rounded px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100"
                aria-label={`Reset ${label}`}
              >
                Reset
              </button>
            }
            title={`Reset ${label}?`}
            description={`${label} goes back to unknown${state === "verified" ? ", and its verification is lost" : ""}. The scores change at once; the history keeps the reset.`}
            confirmLabel="Reset"
            onConfirm={() => execute({ opportunityId, criterionId, op: "reset", reason: "Reset by user" })}
          />
        )}
      </div>
      {open && (
        <form
          className="w-72 space-y-2 rounded-md border border-emerald-100 bg-emerald-50/50 p-2 text-left"
          data-testid={`verify-form-${criterionId}`}
          onSubmit={(e) => {
            e.preventDefault();
            execute({ opportunityId, criterionId, op: "verify", contactId, documentRef, excerpt });
          }}
        >
          <p className="text-[11px] text-slate-600">{proofHint}</p>
          <Combobox
            id={`verify-${criterionId}-contact`}
            name="contactId"
            aria-label={`Who said it (${label})`}
            searchLabel="Search contacts"
            options={contacts.map((c) => ({ value: c.id, label: c.name, detail: c.roles || "not on the committee" }))}
            value={contactId}
            onChange={setContactId}
            placeholder="Who said it…"
            clearLabel="Nobody in particular"
            className="py-1 text-xs"
          />
          <Input
            aria-label={`What they said (${label})`}
            placeholder="What they said (optional)"
            value={excerpt}
            onChange={(e) => setExcerpt(e.target.value)}
            className="py-1 text-xs"
          />
          <Input
            aria-label={`Document or link (${label})`}
            placeholder="…or a document / link (signed MAP, security review)"
            value={documentRef}
            onChange={(e) => setDocumentRef(e.target.value)}
            className="py-1 text-xs"
          />
          {refusal && (
            <p role="alert" className="text-xs font-medium text-rose-700" data-testid="verify-error">
              {refusal}
            </p>
          )}
          <div className="flex justify-end gap-1">
            <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" size="sm" disabled={isPending}>
              {isPending ? "Checking…" : "Verify with this proof"}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
