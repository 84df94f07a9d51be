"use client";

import { ArrowRight } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { advanceStageAction } from "@/lib/actions/opportunities/advance-stage";
import { BlockerList, type BlockerItem } from "./blocker-list";

interface Stage {
  id: string;
  label: string;
}

/**
 * Moves the deal. The server runs the gate; a refusal comes back with the engine's blockers, shown here in
 * plain language. Managers may then override with a reason and an expiry, which the deal's history keeps.
 */
export function StageControl({ opportunityId, version, currentStage, nextStage, stages, canOverride }: {
  opportunityId: string;
  version: number;
  currentStage: string;
  nextStage: Stage | null;
  stages: Stage[];
  canOverride: boolean;
}) {
  const router = useRouter();
  const [target, setTarget] = useState(nextStage?.id ?? "");
  const [overriding, setOverriding] = useState(false);
  const label = (id: string) => stages.find((s) => s.id === id)?.label ?? id;
  const form = useActionForm(advanceStageAction, {
    onSuccess: (data) => {
      toast.success(data.outcome === "overridden" ? `Moved to ${label(data.stage)} by override` : `Moved to ${label(data.stage)}`);
      setOverriding(false);
      router.refresh();
    },
  });
  const blocked = form.serverError?.code === "GATE_BLOCKED" ? (form.serverError.details as { blockers: BlockerItem[]; toStage: string }) : null;

  return (
    <form onSubmit={form.onSubmit} className="space-y-3" data-testid="stage-control" noValidate>
      <input type="hidden" name="opportunityId" value={opportunityId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-wrap items-end gap-2">
        <Field label="Move to" name="toStage" className="min-w-44 flex-1">
          <Select id="toStage" name="toStage" value={target} onChange={(e) => { setTarget(e.target.value); form.reset(); setOverriding(false); }}>
            <option value="" disabled>Pick a stage…</option>
            {stages.filter((s) => s.id !== currentStage).map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
          </Select>
        </Field>
        <Button type="submit" disabled={form.isPending || !target} data-testid="advance-button">
          {form.isPending ? "Checking gate…" : target === nextStage?.id ? "Advance" : "Move"} <ArrowRight className="size-4" aria-hidden />
        </Button>
      </div>
      {blocked && (
        <div className="rounded-md bg-rose-50 p-3 ring-1 ring-inset ring-rose-200" role="status">
          <p className="mb-2 text-sm font-semibold text-rose-800" data-testid="blocked-message">Not yet: {form.serverError?.message}</p>
          <BlockerList blockers={blocked.blockers} stageLabel={label} />
          {canOverride && !overriding && (
            <Button type="button" variant="secondary" size="sm" className="mt-3" onClick={() => setOverriding(true)}>Override as manager…</Button>
          )}
        </div>
      )}
      {form.serverError && !blocked && <p className="text-sm font-medium text-rose-700" data-testid="stage-error">{form.serverError.message}</p>}
      {overriding && (
        <div className="space-y-3 rounded-md bg-amber-50 p-3 ring-1 ring-inset ring-amber-200" data-testid="override-form">
          <p className="text-xs text-amber-900">The override is recorded on the deal with your name, reason and expiry, and shows in its history and on the dashboard.</p>
          <Field label="Why is this exception right?" name="overrideReason" errors={form.fieldErrors.overrideReason}>
            <Textarea id="overrideReason" name="overrideReason" rows={2} className="min-h-0" />
          </Field>
          <Field label="Override expires on" name="overrideExpiresOn" errors={form.fieldErrors.overrideExpiresOn}>
            <Input id="overrideExpiresOn" name="overrideExpiresOn" type="date" />
          </Field>
          <Button type="submit" size="sm" disabled={form.isPending}>Override and move</Button>
        </div>
      )}
    </form>
  );
}
