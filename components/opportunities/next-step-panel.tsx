"use client";

import { Check } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { toast } from "sonner";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { completeNextStepAction } from "@/lib/actions/opportunities/complete-next-step";
import { setNextStepAction } from "@/lib/actions/opportunities/set-next-step";

/** The deal's next step with its due day: set or replace it, or mark it done. */
export function NextStepPanel({
  opportunityId,
  nextStep,
  dueOn,
  overdue,
  canEdit,
}: {
  opportunityId: string;
  nextStep: string | null;
  dueOn: string | null;
  overdue: boolean;
  canEdit: boolean;
}) {
  const router = useRouter();
  const textRef = useRef<HTMLInputElement>(null);
  const form = useActionForm(setNextStepAction, {
    onSuccess: () => {
      toast.success("Next step saved");
      router.refresh();
    },
  });
  const complete = useAction(completeNextStepAction, {
    onSuccess: () => {
      toast.success("Next step done");
      router.refresh();
      requestAnimationFrame(() => textRef.current?.focus());
    },
    onError: ({ error }) => toast.error(error.serverError?.message ?? "Could not complete the next step."),
  });
  return (
    <div className="space-y-3" data-testid="next-step">
      {nextStep ? (
        <div className="flex flex-wrap items-center gap-3">
          <p className="min-w-0 flex-1 text-sm text-slate-900">
            <span className="font-medium">{nextStep}</span>{" "}
            <span className={overdue ? "font-medium text-rose-700" : "text-slate-600"}>
              · due {dueOn}
              {overdue && " (overdue)"}
            </span>
          </p>
          {canEdit && (
            <Button type="button" size="sm" variant="secondary" disabled={complete.isPending} onClick={() => complete.execute({ opportunityId })}>
              <Check className="size-3.5" aria-hidden /> Done
            </Button>
          )}
        </div>
      ) : (
        <p className="text-sm text-slate-600">No next step yet.</p>
      )}
      {canEdit && (
        <form onSubmit={form.onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
          <input type="hidden" name="opportunityId" value={opportunityId} />
          <FormError message={form.formError} />
          <Field label={nextStep ? "Replace with" : "Next step"} name="next-step-text" errors={form.fieldErrors.text} className="min-w-48 flex-1">
            <Input ref={textRef} id="next-step-text" name="text" placeholder="E.g. send the mutual action plan" />
          </Field>
          <Field label="Due on" name="next-step-due" errors={form.fieldErrors.dueOn}>
            <Input id="next-step-due" name="dueOn" type="date" />
          </Field>
          <Button type="submit" size="sm" disabled={form.isPending}>
            Save step
          </Button>
        </form>
      )}
    </div>
  );
}
