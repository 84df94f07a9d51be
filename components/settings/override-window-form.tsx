"use client";

import { toast } from "@/components/ui/toast";
import { ErrorSummary } from "@/components/forms/error-summary";
import { invalid } from "@/components/forms/form-errors";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { saveOverrideWindowAction } from "@/lib/actions/settings/save-override-window";

/** The longest a manager's gate override may run: exceptions get re-examined instead of living forever. */
export function OverrideWindowForm({ days, editable }: { days: number; editable: boolean }) {
  const { form, onSubmit, isPending, summaryFocus, errors } = useZodForm(
    () => import("@/lib/validation/qualification").then((m) => m.overrideWindowSchema),
    saveOverrideWindowAction,
    {
      defaultValues: { overrideMaxDays: String(days) },
      onSuccess: (data) => {
        toast.success(`Overrides now run at most ${data.overrideMaxDays} days`);
        form.reset({ overrideMaxDays: String(data.overrideMaxDays) });
      },
    },
  );
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate data-testid="override-window-form">
      <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
      <div className="flex flex-wrap items-end gap-3">
        <Field
          label="Longest override (days)"
          name="overrideMaxDays"
          errors={errors("overrideMaxDays")}
          hint="A manager's gate override must expire within this many days (1–365)."
        >
          <Input
            id="overrideMaxDays"
            type="number"
            min={1}
            max={365}
            disabled={!editable}
            className="w-28"
            {...form.register("overrideMaxDays")}
            {...invalid(errors("overrideMaxDays"), "overrideMaxDays")}
          />
        </Field>
        {editable && (
          <Button type="submit" size="sm" variant="secondary" disabled={isPending}>
            Save
          </Button>
        )}
      </div>
    </form>
  );
}
