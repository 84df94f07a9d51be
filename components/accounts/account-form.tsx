"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { focusPageHeading } from "@/components/forms/focus-result";
import { FormError } from "@/components/forms/form-error";
import { invalid, useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { createAccountAction } from "@/lib/actions/accounts/create-account";
import { updateAccountAction } from "@/lib/actions/accounts/update-account";
import { FUNDING_STAGES, INDUSTRIES, REGIONS } from "@/lib/validation/options";

export interface AccountFormValues {
  id?: string;
  name: string;
  domain: string | null;
  industry: string | null;
  employeeCount: number | null;
  country: string | null;
  region: string | null;
  techStack: string[];
  fundingStage: string | null;
  hiringSignals: string[];
}

export function AccountForm({ account }: { account?: AccountFormValues }) {
  const router = useRouter();
  const editing = Boolean(account?.id);
  const form = useActionForm(editing ? updateAccountAction : createAccountAction, {
    onSuccess: (data) => {
      toast.success(editing ? "Account saved" : "Account created");
      router.push(`/accounts/${data.id}`);
      router.refresh();
      focusPageHeading(`/accounts/${data.id}`);
    },
  });
  const e = form.fieldErrors;

  return (
    <form onSubmit={form.onSubmit} className="space-y-5" noValidate data-testid="account-form">
      <FormError message={form.formError} />
      {account?.id && <input type="hidden" name="id" value={account.id} />}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Name" name="name" errors={e.name}>
          <Input id="name" name="name" defaultValue={account?.name} required {...invalid(e.name, "name")} />
        </Field>
        <Field label="Domain" name="domain" errors={e.domain} hint="e.g. example.com">
          <Input id="domain" name="domain" defaultValue={account?.domain ?? ""} {...invalid(e.domain, "domain")} />
        </Field>
        <Field label="Industry" name="industry" errors={e.industry}>
          <Input id="industry" name="industry" list="industries" defaultValue={account?.industry ?? ""} {...invalid(e.industry, "industry")} />
          <datalist id="industries">{INDUSTRIES.map((i) => <option key={i} value={i} />)}</datalist>
        </Field>
        <Field label="Employees" name="employeeCount" errors={e.employeeCount}>
          <Input id="employeeCount" name="employeeCount" inputMode="numeric" defaultValue={account?.employeeCount ?? ""} {...invalid(e.employeeCount, "employeeCount")} />
        </Field>
        <Field label="Country" name="country" errors={e.country}>
          <Input id="country" name="country" defaultValue={account?.country ?? ""} {...invalid(e.country, "country")} />
        </Field>
        <Field label="Region" name="region" errors={e.region}>
          <Select id="region" name="region" defaultValue={account?.region ?? ""} {...invalid(e.region, "region")}>
            <option value="">—</option>
            {REGIONS.map((r) => <option key={r}>{r}</option>)}
          </Select>
        </Field>
        <Field label="Funding stage" name="fundingStage" errors={e.fundingStage}>
          <Select id="fundingStage" name="fundingStage" defaultValue={account?.fundingStage ?? ""} {...invalid(e.fundingStage, "fundingStage")}>
            <option value="">—</option>
            {FUNDING_STAGES.map((f) => <option key={f}>{f}</option>)}
          </Select>
        </Field>
        <Field label="Tech stack" name="techStack" errors={e.techStack} hint="Comma-separated, e.g. Snowflake, dbt, AWS">
          <Input id="techStack" name="techStack" defaultValue={account?.techStack.join(", ")} {...invalid(e.techStack, "techStack")} />
        </Field>
        <Field label="Hiring signals" name="hiringSignals" errors={e.hiringSignals} hint="Comma-separated, e.g. Hiring data engineers" className="sm:col-span-2">
          <Input id="hiringSignals" name="hiringSignals" defaultValue={account?.hiringSignals.join(", ")} {...invalid(e.hiringSignals, "hiringSignals")} />
        </Field>
      </div>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => router.back()}>Cancel</Button>
        <Button type="submit" disabled={form.isPending}>{form.isPending ? "Saving…" : editing ? "Save account" : "Create account"}</Button>
      </div>
    </form>
  );
}
