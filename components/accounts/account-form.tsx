"use client";

import { useRouter } from "next/navigation";
import { Controller, useWatch, type Control } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";
import { ErrorSummary } from "@/components/forms/error-summary";
import { invalid } from "@/components/forms/form-errors";
import { useZodForm } from "@/components/forms/use-zod-form";
import { focusPageHeading } from "@/components/forms/focus-result";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { Field, Input, Select } from "@/components/ui/field";
import { createAccountAction } from "@/lib/actions/accounts/create-account";
import { updateAccountAction } from "@/lib/actions/accounts/update-account";
import { missesIcp, suggestionsFor, type IcpMatchValues } from "@/lib/icp-match";
import type { createAccountSchema } from "@/lib/validation/account";
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

/** Free-text fields are typed as the schema's input (unknown, since it preprocesses); the form only ever puts strings there. */
const asText = (value: unknown) => (typeof value === "string" ? value : "");

function initialValues(account: AccountFormValues | undefined) {
  return {
    name: account?.name ?? "",
    domain: account?.domain ?? "",
    industry: account?.industry ?? "",
    employeeCount: account?.employeeCount == null ? "" : String(account.employeeCount),
    country: account?.country ?? "",
    region: account?.region ?? "",
    fundingStage: account?.fundingStage ?? "",
    techStack: account?.techStack.join(", ") ?? "",
    hiringSignals: account?.hiringSignals.join(", ") ?? "",
    ...(account?.id && { id: account.id }),
  };
}

/** Industry and country are free text the ICP matches exactly: suggest its values, warn when a value misses them all. */
function IcpTextField({
  name,
  label,
  icpValues,
  usual,
  control,
  errors,
}: {
  name: "industry" | "country";
  label: string;
  icpValues: string[];
  usual: readonly string[];
  control: Control<z.input<typeof createAccountSchema>>;
  errors: string[] | undefined;
}) {
  const value = asText(useWatch({ control, name }));
  const warn = missesIcp(value, icpValues);
  return (
    <Field
      label={label}
      name={name}
      errors={errors}
      hint={warn ? undefined : icpValues.length > 0 ? "Pick a value your ICP uses, or type another." : undefined}
    >
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <Combobox
            id={name}
            name={name}
            searchLabel={`${label}: type or pick`}
            freeText
            clearLabel={`No ${label.toLowerCase()}`}
            options={suggestionsFor(icpValues, usual)}
            value={asText(field.value)}
            onChange={field.onChange}
            onBlur={field.onBlur}
            placeholder="—"
            {...(warn ? { "aria-describedby": `${name}-icp-warning` } : invalid(errors, name))}
          />
        )}
      />
      {warn && !errors?.length && (
        <p id={`${name}-icp-warning`} className="text-xs font-medium text-amber-800" data-testid={`icp-warning-${name}`}>
          “{value.trim()}” matches no {label.toLowerCase()} in your ICP ({icpValues.join(", ")}), so this account gets no fit for it.
        </p>
      )}
    </Field>
  );
}

export function AccountForm({ account, icpValues }: { account?: AccountFormValues; icpValues: IcpMatchValues }) {
  const router = useRouter();
  const editing = Boolean(account?.id);
  // The edit's schema is the create's plus the id, carried as a default value the user never sees.
  const [schema, action] = editing
    ? ([() => import("@/lib/validation/account").then((m) => m.updateAccountSchema), updateAccountAction] as unknown as [
        () => Promise<typeof createAccountSchema>,
        typeof createAccountAction,
      ])
    : [() => import("@/lib/validation/account").then((m) => m.createAccountSchema), createAccountAction];
  const { form, onSubmit, isPending, summaryFocus, errors } = useZodForm(schema, action, {
    defaultValues: initialValues(account),
    onSuccess: (data) => {
      toast.success(editing ? "Account saved" : "Account created");
      router.push(`/accounts/${data.id}`);
      router.refresh();
      focusPageHeading(`/accounts/${data.id}`);
    },
  });
  const { register } = form;

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate data-testid="account-form">
      <ErrorSummary errors={form.formState.errors} focusKey={summaryFocus} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Name" name="name" errors={errors("name")}>
          <Input id="name" autoFocus={!editing} {...register("name")} {...invalid(errors("name"), "name")} />
        </Field>
        <Field label="Domain" name="domain" errors={errors("domain")} hint="e.g. example.com">
          <Input id="domain" {...register("domain")} {...invalid(errors("domain"), "domain")} />
        </Field>
        <IcpTextField
          name="industry"
          label="Industry"
          icpValues={icpValues.industries}
          usual={INDUSTRIES}
          control={form.control}
          errors={errors("industry")}
        />
        <Field label="Employees" name="employeeCount" errors={errors("employeeCount")}>
          <Input id="employeeCount" inputMode="numeric" {...register("employeeCount")} {...invalid(errors("employeeCount"), "employeeCount")} />
        </Field>
        <IcpTextField name="country" label="Country" icpValues={icpValues.countries} usual={[]} control={form.control} errors={errors("country")} />
        <Field label="Region" name="region" errors={errors("region")}>
          <Select id="region" {...register("region")} {...invalid(errors("region"), "region")}>
            <option value="">—</option>
            {REGIONS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </Select>
        </Field>
        <Field label="Funding stage" name="fundingStage" errors={errors("fundingStage")}>
          <Select id="fundingStage" {...register("fundingStage")} {...invalid(errors("fundingStage"), "fundingStage")}>
            <option value="">—</option>
            {FUNDING_STAGES.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </Select>
        </Field>
        <Field label="Tech stack" name="techStack" errors={errors("techStack")} hint="Comma-separated, e.g. Snowflake, dbt, AWS">
          <Input id="techStack" {...register("techStack")} {...invalid(errors("techStack"), "techStack")} />
        </Field>
        <Field
          label="Hiring signals"
          name="hiringSignals"
          errors={errors("hiringSignals")}
          hint="Comma-separated, e.g. Hiring data engineers"
          className="sm:col-span-2"
        >
          <Input id="hiringSignals" {...register("hiringSignals")} {...invalid(errors("hiringSignals"), "hiringSignals")} />
        </Field>
      </div>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : editing ? "Save account" : "Create account"}
        </Button>
      </div>
    </form>
  );
}
