"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { AccountField } from "@/components/accounts/account-field";
import { ErrorSummary } from "@/components/forms/error-summary";
import { invalid } from "@/components/forms/form-errors";
import { useZodForm } from "@/components/forms/use-zod-form";
import { focusPageHeading } from "@/components/forms/focus-result";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { createOpportunityAction } from "@/lib/actions/opportunities/create-opportunity";
import { updateOpportunityAction } from "@/lib/actions/opportunities/update-opportunity";
import { toDateInput } from "@/lib/utils";
import { CURRENCIES } from "@/lib/validation/options";
import type { createOpportunitySchema } from "@/lib/validation/opportunity";

export interface OpportunityFormValues {
  id: string;
  version: number;
  name: string;
  accountId: string;
  amount: number;
  currency: string;
  expectedCloseDate: Date | null;
  repConfidence: number | null;
}

/** The form's fields as typed; both schemas parse them (the edit adds id and version). */
function initialValues(opportunity: OpportunityFormValues | undefined, accountId: string, pipelineId: string | undefined) {
  return {
    name: opportunity?.name ?? "",
    accountId,
    amount: opportunity ? String(opportunity.amount) : "",
    currency: CURRENCIES.find((c) => c === opportunity?.currency) ?? "USD",
    expectedCloseDate: toDateInput(opportunity?.expectedCloseDate),
    repConfidence: opportunity?.repConfidence == null ? "" : String(opportunity.repConfidence),
    ...(opportunity ? { id: opportunity.id, version: opportunity.version } : pipelineId && { pipelineId }),
  };
}

/** New or edited deal. `account` is the account shown at first (the deal's, or the one the user came from). */
export function OpportunityForm({
  opportunity,
  account,
  pipelines = [],
}: {
  opportunity?: OpportunityFormValues;
  account?: { id: string; name: string };
  /** Offered on create when there are several (a deal's pipeline then changes only by a manager's move). */
  pipelines?: Array<{ id: string; name: string }>;
}) {
  const router = useRouter();
  const editing = Boolean(opportunity);
  // The edit's schema is the create's plus id and version, carried as default values the user never sees.
  const [schema, action] = editing
    ? ([() => import("@/lib/validation/opportunity").then((m) => m.updateOpportunitySchema), updateOpportunityAction] as unknown as [
        () => Promise<typeof createOpportunitySchema>,
        typeof createOpportunityAction,
      ])
    : [() => import("@/lib/validation/opportunity").then((m) => m.createOpportunitySchema), createOpportunityAction];
  const { form, onSubmit, isPending, serverError, summaryFocus, errors } = useZodForm(schema, action, {
    defaultValues: initialValues(opportunity, opportunity?.accountId ?? account?.id ?? "", pipelines[0]?.id),
    onSuccess: (data) => {
      toast.success(editing ? "Opportunity saved" : "Opportunity created");
      router.push(`/opportunities/${data.id}`);
      router.refresh();
      focusPageHeading(`/opportunities/${data.id}`);
    },
  });
  const { register } = form;

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate data-testid="opportunity-form">
      <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
      {serverError?.code === "CONFLICT" && (
        <Button type="button" variant="secondary" size="sm" onClick={() => window.location.reload()}>
          Reload the latest version
        </Button>
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Name" name="name" errors={errors("name")} className="sm:col-span-2">
          <Input
            id="name"
            autoFocus={!editing}
            placeholder="e.g. Quantia — Analytics platform"
            {...register("name")}
            {...invalid(errors("name"), "name")}
          />
        </Field>
        <AccountField control={form.control} errors={errors("accountId")} selected={account} />
        {!opportunity && pipelines.length > 1 && (
          <Field label="Pipeline" name="pipelineId" errors={errors("pipelineId")}>
            <Select id="pipelineId" {...register("pipelineId")} {...invalid(errors("pipelineId"), "pipelineId")}>
              {pipelines.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <div className="grid grid-cols-[1fr_6rem] gap-2">
          <Field label="Amount" name="amount" errors={errors("amount")}>
            <Input id="amount" inputMode="decimal" {...register("amount")} {...invalid(errors("amount"), "amount")} />
          </Field>
          <Field label="Currency" name="currency" errors={errors("currency")}>
            <Select id="currency" {...register("currency")}>
              {CURRENCIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label="Expected close date" name="expectedCloseDate" errors={errors("expectedCloseDate")}>
          <Input
            id="expectedCloseDate"
            type="date"
            {...register("expectedCloseDate")}
            {...invalid(errors("expectedCloseDate"), "expectedCloseDate")}
          />
        </Field>
        <Field
          label="Your confidence (%)"
          name="repConfidence"
          errors={errors("repConfidence")}
          hint="Your gut call, 0–100. The forecast compares it with the qualification evidence."
        >
          <Input id="repConfidence" inputMode="numeric" {...register("repConfidence")} {...invalid(errors("repConfidence"), "repConfidence")} />
        </Field>
      </div>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : editing ? "Save opportunity" : "Create opportunity"}
        </Button>
      </div>
    </form>
  );
}
