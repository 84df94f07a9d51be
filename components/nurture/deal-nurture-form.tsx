"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { ErrorSummary } from "@/components/forms/error-summary";
import { invalid } from "@/components/forms/form-errors";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { nurtureDealAction } from "@/lib/actions/opportunities/nurture-deal";
import type { DealNurtureDefaults } from "./nurture-defaults";

const HEADING = {
  suggested: "Park this deal until the timing is right",
  parked: "Parked in nurture",
  back: "Back for another look",
} as const;

/**
 * "Not yet" on a deal: when to look again and what should bring it back. Pre-filled by `dealNurtureDefaults`
 * (the parked date, or the engine's suggestion); the account's funding stage and hiring signals are watched from
 * the moment it is saved.
 */
export function DealNurtureForm({
  opportunityId,
  defaults: { state, resumeOn, watchFor, parkedUntil },
  resurfaceReason,
}: {
  opportunityId: string;
  defaults: DealNurtureDefaults;
  resurfaceReason: string | null;
}) {
  const router = useRouter();
  const { form, onSubmit, isPending, summaryFocus, errors } = useZodForm(
    () => import("@/lib/validation/lead").then((m) => m.dealNurtureSchema),
    nurtureDealAction,
    {
      defaultValues: { opportunityId, resumeOn, watchFor },
      onSuccess: () => {
        toast.success("Parked: it will come back for another look.");
        router.refresh();
      },
    },
  );
  const { register } = form;
  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-lg bg-amber-50/60 p-4 ring-1 ring-amber-200" noValidate data-testid="deal-nurture-form">
      <p className="text-sm font-medium text-amber-900" data-testid="deal-nurture-state">
        {HEADING[state]}
        {parkedUntil && ` until ${parkedUntil}`}
      </p>
      {state === "back" && resurfaceReason && <p className="text-sm text-amber-800">Came back: {resurfaceReason}</p>}
      <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end">
        <Field label="Resume on" name="resumeOn" errors={errors("resumeOn")}>
          <Input id="resumeOn" type="date" {...register("resumeOn")} {...invalid(errors("resumeOn"), "resumeOn")} />
        </Field>
        <Field label="What to watch for" name="watchFor" errors={errors("watchFor")}>
          <Input id="watchFor" maxLength={300} {...register("watchFor")} {...invalid(errors("watchFor"), "watchFor")} />
        </Field>
        <Button type="submit" variant="secondary" disabled={isPending}>
          {{ suggested: "Park deal", parked: "Update", back: "Park again" }[state]}
        </Button>
      </div>
    </form>
  );
}
