"use client";

import { Plus } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { domainFieldErrors } from "@/lib/action-error";
import { saveIntakeFormAction } from "@/lib/actions/intake/save-intake-form";
import { MAX_QUESTIONS, type IntakeQuestion, type RoutingRule } from "@/lib/qualification/leads";
import type { IntakeFormInput } from "@/lib/validation/lead";
import { OPTIONAL_FORM_FIELDS, REGIONS } from "@/lib/validation/options";
import { QuestionEditor } from "./question-editor";

/** Marketing's editor for the public form: fields, up to eight qualifying questions, and routing. */
export function FormEditor({
  initial,
  criteria,
  reps,
}: {
  initial: IntakeFormInput & { questions: IntakeQuestion[] };
  criteria: { id: string; label: string }[];
  reps: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [form, setForm] = useState(initial);
  const save = useAction(saveIntakeFormAction, {
    onSuccess: () => {
      toast.success("Form saved; the public page shows it now.");
      router.refresh();
    },
  });
  const errors = [
    ...Object.values(domainFieldErrors(save.result.serverError) ?? {})
      .flat()
      .filter((m) => m !== undefined),
    ...Object.values(save.result.validationErrors?.fieldErrors ?? {}).flat(),
  ];
  const rules: RoutingRule[] = form.routing.mode === "rules" ? form.routing.rules : [];
  const setRules = (next: RoutingRule[]) => setForm({ ...form, routing: { mode: "rules", rules: next } });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.execute(form);
      }}
      className="space-y-6"
      data-testid="form-editor"
    >
      <Card>
        <CardHeader title="Page" />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <Field label="Title" name="title">
            <Input id="title" value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
          </Field>
          <label className="flex items-center gap-2 self-end text-sm text-slate-700">
            <input
              type="checkbox"
              checked={form.enabled}
              onChange={(e) => setForm({ ...form, enabled: e.target.checked })}
              className="accent-indigo-600"
            />
            Accepting submissions
          </label>
          <Field label="Introduction" name="intro" className="sm:col-span-2">
            <Textarea id="intro" value={form.intro ?? ""} onChange={(e) => setForm({ ...form, intro: e.target.value })} className="min-h-16" />
          </Field>
          <fieldset className="sm:col-span-2">
            <legend className="mb-2 text-sm font-medium text-slate-800">Company fields (name, email and company are always asked)</legend>
            <div className="flex flex-wrap gap-3">
              {OPTIONAL_FORM_FIELDS.map((f) => (
                <label key={f} className="flex items-center gap-1.5 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    checked={form.fields.includes(f)}
                    onChange={(e) => setForm({ ...form, fields: e.target.checked ? [...form.fields, f] : form.fields.filter((x) => x !== f) })}
                    className="accent-indigo-600"
                  />
                  {f}
                </label>
              ))}
            </div>
          </fieldset>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title={`Qualifying questions (${form.questions.length} of ${MAX_QUESTIONS})`}
          description="Each answer to a criterion question counts as claimed evidence, with the lead as its source."
        />
        <CardBody className="space-y-3">
          {form.questions.map((q, i) => (
            <QuestionEditor
              key={q.id}
              question={q}
              criteria={criteria}
              onChange={(next) => setForm({ ...form, questions: form.questions.map((x, k) => (k === i ? next : x)) })}
              onRemove={() => setForm({ ...form, questions: form.questions.filter((_, k) => k !== i) })}
            />
          ))}
          {form.questions.length < MAX_QUESTIONS && (
            <Button
              type="button"
              variant="secondary"
              size="sm"
              onClick={() =>
                setForm({
                  ...form,
                  questions: [
                    ...form.questions,
                    { id: `q${Date.now() % 100000}`, label: "New question", required: false, target: { kind: "none" }, answer: { kind: "text" } },
                  ],
                })
              }
            >
              <Plus className="size-4" aria-hidden />
              Add question
            </Button>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Routing" description="Who gets a lead the engine says to pursue (or to nurture). Not-a-fit leads stay unassigned." />
        <CardBody className="space-y-3">
          <Select
            value={form.routing.mode}
            onChange={(e) => setForm({ ...form, routing: e.target.value === "rules" ? { mode: "rules", rules } : { mode: "round_robin" } })}
            aria-label="Routing mode"
            className="max-w-sm"
          >
            <option value="round_robin">Round robin among reps</option>
            <option value="rules">Rules by region and size (round robin when none matches)</option>
          </Select>
          {form.routing.mode === "rules" &&
            rules.map((r, i) => (
              <div key={i} className="grid gap-2 sm:grid-cols-4">
                <Select
                  value={r.region ?? ""}
                  onChange={(e) => setRules(rules.map((x, k) => (k === i ? { ...x, region: e.target.value || undefined } : x)))}
                  aria-label="Region"
                >
                  <option value="">Any region</option>
                  {REGIONS.map((g) => (
                    <option key={g}>{g}</option>
                  ))}
                </Select>
                <Input
                  type="number"
                  min={0}
                  placeholder="Min employees"
                  value={r.minEmployees ?? ""}
                  onChange={(e) =>
                    setRules(rules.map((x, k) => (k === i ? { ...x, minEmployees: e.target.value ? Number(e.target.value) : undefined } : x)))
                  }
                  aria-label="Min employees"
                />
                <Input
                  type="number"
                  min={0}
                  placeholder="Max employees"
                  value={r.maxEmployees ?? ""}
                  onChange={(e) =>
                    setRules(rules.map((x, k) => (k === i ? { ...x, maxEmployees: e.target.value ? Number(e.target.value) : undefined } : x)))
                  }
                  aria-label="Max employees"
                />
                <Select
                  value={r.ownerId}
                  onChange={(e) => setRules(rules.map((x, k) => (k === i ? { ...x, ownerId: e.target.value } : x)))}
                  aria-label="Rep"
                >
                  {reps.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              </div>
            ))}
          {form.routing.mode === "rules" && reps[0] && (
            <Button type="button" variant="ghost" size="sm" onClick={() => setRules([...rules, { ownerId: reps[0]!.id }])}>
              Add rule
            </Button>
          )}
          <label className="flex items-center gap-2 text-sm text-slate-700">
            Merge repeat submissions from the same email or company within
            <Input
              type="number"
              min={1}
              max={365}
              value={form.duplicateWindowDays}
              onChange={(e) => setForm({ ...form, duplicateWindowDays: Number(e.target.value) })}
              className="w-20"
              aria-label="Duplicate window in days"
            />{" "}
            days
          </label>
        </CardBody>
      </Card>
      {errors.length > 0 && <FormError message={errors.join(" ")} />}
      <FormError message={errors.length === 0 ? save.result.serverError?.message : undefined} />
      <Button type="submit" disabled={save.isPending}>
        Save form
      </Button>
    </form>
  );
}
