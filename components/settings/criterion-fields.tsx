"use client";

import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { ROLE_LABELS, type CriterionDefinition, type StakeholderRole } from "@/lib/qualification";
import type { PathErrors } from "@/lib/validation/errors";

/** One criterion as the builder edits it: numbers and lists as typed. */
export interface CriterionDraft {
  id: string;
  label: string;
  description: string;
  weight: string;
  knockout: boolean;
  /** Blank = never stale. */
  freshnessDays: string;
  /** One question per line. */
  questions: string;
  nurtureTrigger: string;
  verifierRoles: StakeholderRole[];
}

export const toCriterionDraft = (c: CriterionDefinition): CriterionDraft => ({
  id: c.id,
  label: c.label,
  description: c.description,
  weight: String(c.weight),
  knockout: c.knockout,
  freshnessDays: c.freshnessDays === null ? "" : String(c.freshnessDays),
  questions: c.questions.join("\n"),
  nurtureTrigger: c.nurtureTrigger ?? "",
  verifierRoles: c.verifierRoles ?? [],
});

export const blankCriterion = (n: number): CriterionDraft => ({
  id: `criterion_${n}`,
  label: "",
  description: "",
  weight: "1",
  knockout: false,
  freshnessDays: "",
  questions: "",
  nurtureTrigger: "",
  verifierRoles: [],
});

const ROLES = Object.keys(ROLE_LABELS).filter((r) => r !== "blocker") as StakeholderRole[];

interface Props {
  index: number;
  criterion: CriterionDraft;
  errors: PathErrors;
  editable: boolean;
  onChange: (c: CriterionDraft) => void;
  onRemove: () => void;
}

/** Every field of one criterion, each with its own error (keyed "criteria.<index>.<field>"). */
export function CriterionFields({ index, criterion: c, errors, editable, onChange, onRemove }: Props) {
  const at = (field: string) => `criteria.${index}.${field}`;
  const set = <K extends keyof CriterionDraft>(key: K, value: CriterionDraft[K]) => onChange({ ...c, [key]: value });
  const text = (field: keyof CriterionDraft, label: string, hint?: string) => (
    <Field label={label} name={at(field)} errors={errors[at(field)]} {...(hint && { hint })}>
      <Input
        id={at(field)}
        value={String(c[field])}
        disabled={!editable}
        aria-invalid={Boolean(errors[at(field)]?.length)}
        onChange={(e) => set(field, e.target.value as never)}
      />
    </Field>
  );
  return (
    <fieldset className="space-y-3 rounded-md p-4 ring-1 ring-slate-200" data-testid={`criterion-${index}`}>
      <div className="flex items-center justify-between">
        <legend className="text-sm font-semibold text-slate-900">{c.label || `Criterion ${index + 1}`}</legend>
        {editable && (
          <Button type="button" variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${c.label || `criterion ${index + 1}`}`}>
            <Trash2 className="size-4" aria-hidden /> Remove
          </Button>
        )}
      </div>
      <div className="grid gap-3 sm:grid-cols-4">
        {text("id", "Id", "lowercase, a-z 0-9 _")}
        {text("label", "Label")}
        {text("weight", "Weight")}
        {text("freshnessDays", "Fresh for (days)", "blank = never stale")}
      </div>
      {text("description", "Description")}
      <Field label="Discovery questions (one per line)" name={at("questions")} errors={errors[at("questions")] ?? errors[at("questions.0")]}>
        <Textarea
          id={at("questions")}
          className="min-h-16"
          value={c.questions}
          disabled={!editable}
          onChange={(e) => set("questions", e.target.value)}
        />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        {text("nurtureTrigger", "After a “no”, watch for", "the change that would make it worth another look")}
        <label className="flex items-center gap-2 pt-6 text-sm text-slate-800">
          <input type="checkbox" checked={c.knockout} disabled={!editable} onChange={(e) => set("knockout", e.target.checked)} />
          Must-have: a “no” disqualifies the deal
        </label>
      </div>
      <div>
        <p className="text-sm font-medium text-slate-800">Who can state or verify it</p>
        <p className="text-xs text-slate-500">
          Evidence from a contact counts only if they hold one of these roles on the committee. None ticked = anyone but a blocker.
        </p>
        <div className="mt-1 flex flex-wrap gap-3">
          {ROLES.map((role) => (
            <label key={role} className="flex items-center gap-1.5 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={c.verifierRoles.includes(role)}
                disabled={!editable}
                onChange={(e) => set("verifierRoles", e.target.checked ? [...c.verifierRoles, role] : c.verifierRoles.filter((r) => r !== role))}
              />
              {ROLE_LABELS[role]}
            </label>
          ))}
        </div>
      </div>
    </fieldset>
  );
}
