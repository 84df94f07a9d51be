"use client";

import { Check } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { ErrorSummary } from "@/components/forms/error-summary";
import { invalid } from "@/components/forms/form-errors";
import { useZodForm } from "@/components/forms/use-zod-form";
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
  const blank = { opportunityId, text: "", dueOn: "" };
  const { form, onSubmit, isPending, summaryFocus, errors } = useZodForm(
    () => import("@/lib/validation/next-step").then((m) => m.setNextStepSchema),
    setNextStepAction,
    {
      defaultValues: blank,
      onSuccess: () => {
        toast.success("Next step saved");
        form.reset(blank);
        router.refresh();
      },
    },
  );
  const complete = useAction(completeNextStepAction, {
    onSuccess: () => {
      toast.success("Next step done");
      router.refresh();
      requestAnimationFrame(() => form.setFocus("text"));
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
        <form onSubmit={onSubmit} className="space-y-2" noValidate data-testid="next-step-form">
          <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
          <div className="flex flex-wrap items-end gap-2">
            <Field label={nextStep ? "Replace with" : "Next step"} name="next-step-text" errors={errors("text")} className="min-w-48 flex-1">
              <Input
                id="next-step-text"
                placeholder="E.g. send the mutual action plan"
                {...form.register("text")}
                {...invalid(errors("text"), "next-step-text")}
              />
            </Field>
            <Field label="Due on" name="next-step-due" errors={errors("dueOn")}>
              <Input id="next-step-due" type="date" {...form.register("dueOn")} {...invalid(errors("dueOn"), "next-step-due")} />
            </Field>
            <Button type="submit" size="sm" disabled={isPending}>
              Save step
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
