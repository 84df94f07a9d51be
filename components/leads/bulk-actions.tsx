"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { BulkBar, outcomeOf, type BulkOutcome } from "@/components/ui/data-table-bulk";
import { useSelection } from "@/components/ui/data-table-selection";
import { Combobox } from "@/components/ui/combobox";
import { Input } from "@/components/ui/field";
import { bulkAssignLeadsAction } from "@/lib/actions/leads/bulk-assign-leads";
import { bulkDisqualifyLeadsAction } from "@/lib/actions/leads/bulk-disqualify-leads";
import { plural } from "@/lib/vocabulary";

/** Assign or disqualify the ticked leads: each asks first, then reports what changed and what was refused. */
export function LeadBulkActions({ owners }: { owners: Array<{ id: string; name: string }> }) {
  const { selected, clear } = useSelection();
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [ownerId, setOwnerId] = useState("");
  const [disqualifying, setDisqualifying] = useState(false);
  const [reason, setReason] = useState("");
  const [confirm, setConfirm] = useState<"assign" | "disqualify" | null>(null);
  const ownerName = owners.find((o) => o.id === ownerId)?.name ?? "";
  const failed = ({ error }: { error: { serverError?: { message: string } } }) =>
    setOutcome({ text: error.serverError?.message ?? "Check the fields and try again.", tone: "bad", refused: [], seq: Date.now() });
  const assign = useAction(bulkAssignLeadsAction, {
    onSuccess: ({ data }) => {
      if (data) setOutcome(outcomeOf(data, selected, `Assigned to ${ownerName}:`, "lead"));
      clear();
    },
    onError: failed,
  });
  const disqualify = useAction(bulkDisqualifyLeadsAction, {
    onSuccess: ({ data }) => {
      if (data) setOutcome(outcomeOf(data, selected, "Disqualified:", "lead"));
      clear();
      setDisqualifying(false);
      setReason("");
    },
    onError: failed,
  });
  const busy = assign.isPending || disqualify.isPending;
  const count = plural(selected.length, "lead");

  return (
    <BulkBar word="lead" outcome={outcome}>
      {owners.length > 0 && (
        <>
          <Combobox
            id="bulk-owner"
            name="bulk-owner"
            aria-label="New owner"
            searchLabel="Search colleagues"
            options={owners.map((o) => ({ value: o.id, label: o.name }))}
            value={ownerId}
            onChange={setOwnerId}
            placeholder="Pick an owner…"
            className="h-8 w-44 py-1"
          />
          <Button size="sm" variant="secondary" disabled={!ownerId || busy} onClick={() => setConfirm("assign")}>
            Assign
          </Button>
        </>
      )}
      <Button size="sm" variant="secondary" disabled={busy} aria-expanded={disqualifying} onClick={() => setDisqualifying((v) => !v)}>
        Disqualify…
      </Button>
      {disqualifying && (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setConfirm("disqualify");
          }}
        >
          <Input
            aria-label="Reason"
            placeholder="Reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className="h-8 w-56 py-1"
            required
            maxLength={500}
          />
          <Button size="sm" type="submit" disabled={busy || !reason.trim()}>
            Disqualify
          </Button>
        </form>
      )}
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => {
          if (!open) setConfirm(null);
        }}
        title={confirm === "assign" ? `Assign ${count} to ${ownerName}?` : `Disqualify ${count}?`}
        description={
          confirm === "assign"
            ? `${ownerName} becomes the owner of the selected leads. Leads you may not change are left as they are and listed.`
            : `They leave the inbox as not a fit (“${reason.trim()}”). Leads you may not change are left as they are and listed.`
        }
        confirmLabel={confirm === "assign" ? "Assign" : "Disqualify"}
        onConfirm={() => {
          const ids = selected.map((r) => r.id);
          if (confirm === "assign") assign.execute({ ids, ownerId });
          else disqualify.execute({ ids, reason });
          setConfirm(null);
        }}
      />
    </BulkBar>
  );
}
