"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { updateStakeholderAction } from "@/lib/actions/qualification/update-stakeholder";

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Engagement and champion tests are activities, not buttons: what happened, how, and the day it happened
 * (today or earlier; back-dating is allowed and audited).
 */
export function ActivityForm({
  stakeholderId,
  kind,
  name,
  onDone,
}: {
  stakeholderId: string;
  kind: "engaged" | "champion_tested";
  name: string;
  onDone: () => void;
}) {
  const router = useRouter();
  const [channel, setChannel] = useState<"meeting" | "call" | "email_reply">("meeting");
  const [happenedOn, setHappenedOn] = useState(today);
  const [summary, setSummary] = useState("");
  const { execute, isPending, result } = useAction(updateStakeholderAction, {
    onSuccess: () => {
      toast.success(kind === "engaged" ? `Engagement with ${name} logged` : `${name}'s test recorded`);
      onDone();
      router.refresh();
    },
  });
  const errors = result.validationErrors?.fieldErrors;
  const message = result.serverError?.message ?? errors?.summary?.[0] ?? errors?.happenedOn?.[0] ?? errors?.channel?.[0];
  const submit = () =>
    execute(
      kind === "engaged"
        ? { stakeholderId, op: "engaged", channel, happenedOn, summary }
        : { stakeholderId, op: "champion_tested", happenedOn, summary },
    );
  return (
    <form
      className="mt-2 space-y-2 rounded-md bg-white p-2 ring-1 ring-slate-200"
      data-testid={`${kind}-form`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="grid grid-cols-2 gap-2">
        {kind === "engaged" && (
          <Select aria-label="How" value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)} className="py-1 text-xs">
            <option value="meeting">Meeting</option>
            <option value="call">Call</option>
            <option value="email_reply">Email reply</option>
          </Select>
        )}
        <Input
          type="date"
          aria-label="When it happened"
          max={today()}
          value={happenedOn}
          onChange={(e) => setHappenedOn(e.target.value)}
          className="py-1 text-xs"
        />
      </div>
      <Input
        aria-label={kind === "engaged" ? "What happened" : "The test they passed"}
        placeholder={kind === "engaged" ? "What happened (e.g. walked the CFO through pricing)" : "The test passed (e.g. got us the CFO meeting)"}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        className="py-1 text-xs"
      />
      {message && (
        <p role="alert" className="text-xs font-medium text-rose-700" data-testid="activity-error">
          {message}
        </p>
      )}
      <div className="flex justify-end gap-1">
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" size="sm" disabled={isPending}>
          {kind === "engaged" ? "Log engagement" : "Record the test"}
        </Button>
      </div>
    </form>
  );
}
