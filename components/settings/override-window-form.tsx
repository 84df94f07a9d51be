"use client";

import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { saveOverrideWindowAction } from "@/lib/actions/settings/save-override-window";

/** The longest a manager's gate override may run: exceptions get re-examined instead of living forever. */
export function OverrideWindowForm({ days, editable }: { days: number; editable: boolean }) {
  const form = useActionForm(saveOverrideWindowAction, {
    onSuccess: (data) => toast.success(`Overrides now run at most ${data.overrideMaxDays} days`),
  });
  return (
    <form onSubmit={form.onSubmit} className="flex flex-wrap items-end gap-3" data-testid="override-window-form">
      <Field
        label="Longest override (days)"
        name="overrideMaxDays"
        errors={form.fieldErrors.overrideMaxDays}
        hint="A manager's gate override must expire within this many days (1–365)."
      >
        <Input
          id="overrideMaxDays"
          name="overrideMaxDays"
          type="number"
          min={1}
          max={365}
          defaultValue={days}
          disabled={!editable}
          className="w-28"
        />
      </Field>
      {editable && (
        <Button type="submit" size="sm" variant="secondary" disabled={form.isPending}>
          Save
        </Button>
      )}
    </form>
  );
}
