"use client";

import { useActionState } from "react";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import type { IntakeFormState } from "@/lib/actions/intake/submit-intake";
import type { IntakeQuestion } from "@/lib/qualification/leads";
import { INDUSTRIES, REGIONS, FUNDING_STAGES } from "@/lib/validation/options";

const OPTIONAL_LABELS: Record<string, { label: string; type?: string; options?: readonly string[]; autoComplete?: string }> = {
  title: { label: "Job title", autoComplete: "organization-title" },
  phone: { label: "Phone", type: "tel", autoComplete: "tel" },
  domain: { label: "Company website", autoComplete: "url" },
  employeeCount: { label: "Number of employees", type: "number" },
  industry: { label: "Industry", options: INDUSTRIES },
  region: { label: "Region", options: REGIONS },
  country: { label: "Country", autoComplete: "country-name" },
  fundingStage: { label: "Funding stage", options: FUNDING_STAGES },
};

function errorProps(errors: string[] | undefined, name: string) {
  return errors?.length ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {};
}

/** The visitor's form: plain HTML fields (works without JavaScript), phone-first layout, errors next to each field. */
export function IntakeForm({
  action,
  fields,
  questions,
}: {
  action: (state: IntakeFormState, form: FormData) => Promise<IntakeFormState>;
  fields: string[];
  questions: IntakeQuestion[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const err = (name: string) => state.fieldErrors?.[name];
  const value = (name: string) => state.values?.[name] ?? "";
  const text = (name: string, label: string, opts: { type?: string; required?: boolean; autoComplete?: string } = {}) => (
    <Field label={opts.required ? `${label} *` : label} name={name} errors={err(name)}>
      <Input
        id={name}
        name={name}
        type={opts.type ?? "text"}
        required={opts.required}
        autoComplete={opts.autoComplete}
        defaultValue={value(name)}
        {...errorProps(err(name), name)}
      />
    </Field>
  );
  return (
    <form action={formAction} className="space-y-5" noValidate data-testid="intake-form">
      <FormError message={state.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        {text("name", "Your name", { required: true, autoComplete: "name" })}
        {text("email", "Work email", { type: "email", required: true, autoComplete: "email" })}
        {text("companyName", "Company", { required: true, autoComplete: "organization" })}
        {fields.map((f) => {
          const spec = OPTIONAL_LABELS[f];
          if (!spec) return null;
          if (spec.options) {
            return (
              <Field key={f} label={spec.label} name={f} errors={err(f)}>
                <Select id={f} name={f} defaultValue={value(f)} {...errorProps(err(f), f)}>
                  <option value="">Choose…</option>
                  {spec.options.map((o) => (
                    <option key={o}>{o}</option>
                  ))}
                </Select>
              </Field>
            );
          }
          return <div key={f}>{text(f, spec.label, spec)}</div>;
        })}
      </div>
      {questions.length > 0 && (
        <fieldset className="space-y-4 border-t border-slate-200 pt-5">
          <legend className="sr-only">A few questions</legend>
          {questions.map((q) => {
            const name = `answers.${q.id}`;
            const label = q.required ? `${q.label} *` : q.label;
            if (q.answer.kind === "text") {
              return (
                <Field key={q.id} label={label} name={name} errors={err(name)} hint={q.help}>
                  <Textarea
                    id={name}
                    name={name}
                    rows={2}
                    maxLength={1000}
                    required={q.required}
                    defaultValue={value(name)}
                    className="min-h-16"
                    {...errorProps(err(name), name)}
                  />
                </Field>
              );
            }
            return (
              <fieldset key={q.id} className="space-y-2" {...errorProps(err(name), name)}>
                <legend className="text-sm font-medium text-slate-800">{label}</legend>
                <div className="grid gap-2 sm:grid-cols-2">
                  {q.answer.options.map((o) => (
                    <label
                      key={o.value}
                      className="flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm ring-1 ring-slate-300 has-[:checked]:bg-indigo-50 has-[:checked]:ring-indigo-500"
                    >
                      <input
                        type="radio"
                        name={name}
                        value={o.value}
                        defaultChecked={value(name) === o.value}
                        required={q.required}
                        className="accent-indigo-600"
                      />
                      {o.label}
                    </label>
                  ))}
                </div>
                {err(name)?.map((e) => (
                  <p key={e} id={`${name}-error`} className="text-xs font-medium text-rose-600" data-testid={`error-${name}`}>
                    {e}
                  </p>
                ))}
              </fieldset>
            );
          })}
        </fieldset>
      )}
      {/* A honeypot: hidden from people and from assistive technology; bots fill it in. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="website">Leave this empty</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <Button type="submit" size="lg" className="w-full sm:w-auto" disabled={pending}>
        {pending ? "Sending…" : "Send"}
      </Button>
    </form>
  );
}
