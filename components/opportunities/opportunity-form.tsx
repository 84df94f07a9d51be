"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { FormError } from "@/components/forms/form-error";
import { invalid, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { createOpportunityAction } from "@/lib/actions/opportunities/create-opportunity";
import { updateOpportunityAction } from "@/lib/actions/opportunities/update-opportunity";
import { toDateInput } from "@/lib/utils";
import { CURRENCIES } from "@/lib/validation/options";

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

export function OpportunityForm({
  opportunity,
  accounts,
  defaultAccountId,
  pipelines = [],
}: {
  opportunity?: OpportunityFormValues;
  accounts: Array<{ id: string; name: string }>;
  defaultAccountId?: string;
  /** Offered on create when there are several (a deal's pipeline then changes only by a manager's move). */
  pipelines?: Array<{ id: string; name: string }>;
}) {
  const router = useRouter();
  const editing = Boolean(opportunity);
  const form = useActionForm(editing ? updateOpportunityAction : createOpportunityAction, {
    onSuccess: (data) => {
      toast.success(editing ? "Opportunity saved" : "Opportunity created");
      router.push(`/opportunities/${data.id}`);
      router.refresh();
    },
  });
  const e = form.fieldErrors;
  const conflict = form.serverError?.code === "CONFLICT";

  return (
    <form onSubmit={form.onSubmit} className="space-y-5" noValidate data-testid="opportunity-form">
      <FormError message={form.formError} />
      {conflict && (
        <Button type="button" variant="secondary" size="sm" onClick={() => window.location.reload()}>
          Reload the latest version
        </Button>
      )}
      {opportunity && (
        <>
          <input type="hidden" name="id" value={opportunity.id} />
          <input type="hidden" name="version" value={opportunity.version} />
        </>
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Name" name="name" errors={e.name} className="sm:col-span-2">
          <Input id="name" name="name" defaultValue={opportunity?.name} placeholder="e.g. Quantia — Analytics platform" {...invalid(e.name, "name")} />
        </Field>
        <Field label="Account" name="accountId" errors={e.accountId}>
          <Select id="accountId" name="accountId" defaultValue={opportunity?.accountId ?? defaultAccountId ?? ""} {...invalid(e.accountId, "accountId")}>
            <option value="">Choose an account…</option>
            {accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </Select>
        </Field>
        {!opportunity && pipelines.length > 1 && (
          <Field label="Pipeline" name="pipelineId" errors={e.pipelineId}>
            <Select id="pipelineId" name="pipelineId" defaultValue={pipelines[0]?.id} {...invalid(e.pipelineId, "pipelineId")}>
              {pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </Select>
          </Field>
        )}
        <div className="grid grid-cols-[1fr_6rem] gap-2">
          <Field label="Amount" name="amount" errors={e.amount}>
            <Input id="amount" name="amount" inputMode="decimal" defaultValue={opportunity?.amount ?? ""} {...invalid(e.amount, "amount")} />
          </Field>
          <Field label="Currency" name="currency" errors={e.currency}>
            <Select id="currency" name="currency" defaultValue={opportunity?.currency ?? "USD"}>
              {CURRENCIES.map((c) => <option key={c}>{c}</option>)}
            </Select>
          </Field>
        </div>
        <Field label="Expected close date" name="expectedCloseDate" errors={e.expectedCloseDate}>
          <Input id="expectedCloseDate" name="expectedCloseDate" type="date" defaultValue={toDateInput(opportunity?.expectedCloseDate)} {...invalid(e.expectedCloseDate, "expectedCloseDate")} />
        </Field>
        <Field label="Your confidence (%)" name="repConfidence" errors={e.repConfidence} hint="Your gut call, 0–100. The forecast compares it with the qualification evidence.">
          <Input id="repConfidence" name="repConfidence" inputMode="numeric" defaultValue={opportunity?.repConfidence ?? ""} {...invalid(e.repConfidence, "repConfidence")} />
        </Field>
      </div>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => router.back()}>Cancel</Button>
        <Button type="submit" disabled={form.isPending}>{form.isPending ? "Saving…" : editing ? "Save opportunity" : "Create opportunity"}</Button>
      </div>
    </form>
  );
}
