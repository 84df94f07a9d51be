"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { BulkBar, outcomeOf, type BulkOutcome } from "@/components/ui/data-table-bulk";
import { useSelection } from "@/components/ui/data-table-selection";
import { Combobox } from "@/components/ui/combobox";
import { Input } from "@/components/ui/field";
import { bulkNurtureDealsAction } from "@/lib/actions/opportunities/bulk-nurture-deals";
import { bulkReassignDealsAction } from "@/lib/actions/opportunities/bulk-reassign-deals";
import { plural } from "@/lib/vocabulary";

const in90Days = () => new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);

/** Reassign or park the ticked deals: each asks first, then reports what changed and what was refused. */
export function OpportunityBulkActions({ owners }: { owners: Array<{ id: string; name: string }> }) {
  const { selected, clear } = useSelection();
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [ownerId, setOwnerId] = useState("");
  const [nurturing, setNurturing] = useState(false);
  const [resumeOn, setResumeOn] = useState(in90Days);
  const [reason, setReason] = useState("");
  const [confirm, setConfirm] = useState<"reassign" | "nurture" | null>(null);
  const rows = selected;
  const failed = ({ error }: { error: { serverError?: { message: string }; validationErrors?: unknown } }) =>
    setOutcome({ text: error.serverError?.message ?? "Check the fields and try again.", tone: "bad", refused: [], seq: Date.now() });
  const reassign = useAction(bulkReassignDealsAction, {
    onSuccess: ({ data }) => {
      if (data) setOutcome(outcomeOf(data, rows, `Reassigned to ${ownerName}:`, "deal"));
      clear();
    },
    onError: failed,
  });
  const nurture = useAction(bulkNurtureDealsAction, {
    onSuccess: ({ data }) => {
      if (data) setOutcome(outcomeOf(data, rows, "Parked in nurture:", "deal"));
      clear();
      setNurturing(false);
      setReason("");
    },
    onError: failed,
  });
  const ownerName = owners.find((o) => o.id === ownerId)?.name ?? "";
  const busy = reassign.isPending || nurture.isPending;
  const count = plural(selected.length, "deal");

  return (
    <BulkBar word="deal" outcome={outcome}>
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
      <Button size="sm" variant="secondary" disabled={!ownerId || busy} onClick={() => setConfirm("reassign")}>
        Reassign
      </Button>
      <Button size="sm" variant="secondary" disabled={busy} aria-expanded={nurturing} onClick={() => setNurturing((v) => !v)}>
        Move to nurture…
      </Button>
      {nurturing && (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setConfirm("nurture");
          }}
        >
          <Input
            type="date"
            aria-label="Resume on"
            value={resumeOn}
            onChange={(e) => setResumeOn(e.target.value)}
            className="h-8 w-40 py-1"
            required
          />
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
            Park
          </Button>
        </form>
      )}
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => {
          if (!open) setConfirm(null);
        }}
        title={confirm === "reassign" ? `Reassign ${count} to ${ownerName}?` : `Park ${count} until ${resumeOn}?`}
        description={
          confirm === "reassign"
            ? `${ownerName} becomes the owner of the selected deals. Deals you may not change are left as they are and listed.`
            : `They leave the active pipeline until ${resumeOn} (“${reason.trim()}”). Deals you may not change are left as they are and listed.`
        }
        confirmLabel={confirm === "reassign" ? "Reassign" : "Park"}
        onConfirm={() => {
          const ids = selected.map((r) => r.id);
          if (confirm === "reassign") reassign.execute({ ids, ownerId });
          else nurture.execute({ ids, resumeOn, reason, watchFor: null });
          setConfirm(null);
        }}
      />
    </BulkBar>
  );
}
