"use client";

import { Trash2 } from "lucide-react";
import { Field, Input, Select } from "@/components/ui/field";
import type { IcpRuleKind } from "@/lib/qualification";
import { schemaLoader } from "@/components/forms/draft-resolver";
import { useSchema } from "@/components/forms/use-schema";
import { errorsUnder, type PathErrors } from "@/lib/validation/errors";
import { cn } from "@/lib/utils";
import { fromDraft, RULE_KINDS, splitList, type RuleDraft } from "./rule-draft";
import { describeRule } from "./rule-text";
import { Tooltip } from "@/components/ui/tooltip";

/** The server's rule schema, for the live reading of a draft rule; it arrives after the page has loaded. */
const loadRuleSchema = schemaLoader(() => import("@/lib/validation/qualification").then((m) => m.icpRuleSchema));

const KNOCKOUT_HELP = "An account that misses a knockout rule is not a fit, whatever else matches. Missing data never knocks out.";

interface Props {
  draft: RuleDraft;
  index: number;
  errors: PathErrors;
  onChange: (draft: RuleDraft) => void;
  onRemove: () => void;
}

/** One ICP rule being edited: its kind, name, weight, knockout mark and the values it matches. */
export function RuleRow({ draft, index, errors, onChange, onRemove }: Props) {
  const at = `rules.${index}`;
  const meta = RULE_KINDS[draft.kind];
  const set = (change: Partial<RuleDraft>) => onChange({ ...draft, ...change });
  const err = (field: string) => errors[`${at}.${field}`];
  const listErrors = meta.listField ? errorsUnder(errors, `${at}.${meta.listField}`) : [];
  const ruleSchema = useSchema(loadRuleSchema);
  const parsed = ruleSchema?.safeParse(fromDraft(draft));
  const chosen = new Set(splitList(draft.values).map((v) => v.toLowerCase()));

  function toggle(value: string) {
    const values = splitList(draft.values);
    const next = chosen.has(value.toLowerCase()) ? values.filter((v) => v.toLowerCase() !== value.toLowerCase()) : [...values, value];
    set({ values: next.join(", ") });
  }

  return (
    <li className="space-y-3 py-4" data-testid={`rule-${index}`}>
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr_6rem_auto_auto] sm:items-start">
        <Field label="Rule kind" name={`${at}.kind`} errors={err("kind")}>
          <Select id={`${at}.kind`} value={draft.kind} onChange={(e) => set({ kind: e.target.value as IcpRuleKind, values: "" })}>
            {(Object.keys(RULE_KINDS) as IcpRuleKind[]).map((k) => (
              <option key={k} value={k}>
                {RULE_KINDS[k].title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Name" name={`${at}.label`} errors={err("label")}>
          <Input id={`${at}.label`} value={draft.label} onChange={(e) => set({ label: e.target.value })} aria-invalid={Boolean(err("label"))} />
        </Field>
        <Field label="Weight" name={`${at}.weight`} errors={err("weight")}>
          <Input
            id={`${at}.weight`}
            inputMode="decimal"
            value={draft.weight}
            onChange={(e) => set({ weight: e.target.value })}
            aria-invalid={Boolean(err("weight"))}
          />
        </Field>
        <Tooltip content={KNOCKOUT_HELP}>
          {/* Focus on the checkbox bubbles to the label, so the tooltip opens for keyboard users too. */}
          <label className="flex items-center gap-2 pt-7 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={draft.knockout}
              onChange={(e) => set({ knockout: e.target.checked })}
              aria-describedby={`${at}.knockout-help`}
              className="size-4 rounded border-slate-300 text-indigo-600"
            />
            Knockout
          </label>
        </Tooltip>
        <span id={`${at}.knockout-help`} className="sr-only">
          {KNOCKOUT_HELP}
        </span>
        <button
          type="button"
          onClick={onRemove}
          className="mt-7 rounded p-1.5 text-slate-500 hover:bg-rose-50 hover:text-rose-600"
          aria-label={`Remove rule ${draft.label}`}
        >
          <Trash2 className="size-4" aria-hidden />
        </button>
      </div>

      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <div className="hidden sm:block" />
        <div className="space-y-2">
          {draft.kind === "employee_range" && (
            <div className="flex flex-wrap gap-3">
              <Field label="At least (employees)" name={`${at}.min`} errors={err("min")} className="w-44">
                <Input
                  id={`${at}.min`}
                  inputMode="numeric"
                  value={draft.min}
                  onChange={(e) => set({ min: e.target.value })}
                  placeholder="no minimum"
                />
              </Field>
              <Field label="At most (employees)" name={`${at}.max`} errors={err("max")} className="w-44">
                <Input
                  id={`${at}.max`}
                  inputMode="numeric"
                  value={draft.max}
                  onChange={(e) => set({ max: e.target.value })}
                  placeholder="no maximum"
                />
              </Field>
            </div>
          )}
          {draft.kind === "hiring_signals" && (
            <Field label="At least this many signals" name={`${at}.minCount`} errors={err("minCount")} className="w-52">
              <Input id={`${at}.minCount`} inputMode="numeric" value={draft.minCount} onChange={(e) => set({ minCount: e.target.value })} />
            </Field>
          )}
          {draft.kind === "tech_includes" && (
            <Field label="Match" name={`${at}.mode`} className="w-52">
              <Select id={`${at}.mode`} value={draft.mode} onChange={(e) => set({ mode: e.target.value as "any" | "all" })}>
                <option value="any">any of these</option>
                <option value="all">all of these</option>
              </Select>
            </Field>
          )}
          {meta.listField && (
            <Field
              label={meta.listLabel ?? "Values"}
              name={`${at}.${meta.listField}`}
              errors={listErrors.length ? listErrors : undefined}
              hint="Separate values with commas."
            >
              <Input
                id={`${at}.${meta.listField}`}
                value={draft.values}
                onChange={(e) => set({ values: e.target.value })}
                aria-invalid={listErrors.length > 0}
              />
            </Field>
          )}
          {meta.suggestions && (
            <div className="flex flex-wrap gap-1.5" role="group" aria-label="Suggestions">
              {meta.suggestions.map((s) => (
                <button
                  key={s}
                  type="button"
                  aria-pressed={chosen.has(s.toLowerCase())}
                  onClick={() => toggle(s)}
                  className={cn(
                    "rounded-full px-2.5 py-0.5 text-xs ring-1 ring-inset",
                    chosen.has(s.toLowerCase())
                      ? "bg-indigo-50 text-indigo-700 ring-indigo-300"
                      : "bg-white text-slate-600 ring-slate-200 hover:bg-slate-50",
                  )}
                >
                  {s}
                </button>
              ))}
            </div>
          )}
          <p className="text-xs text-slate-500" data-testid="rule-reads">
            {parsed?.success ? (
              <>
                Reads: <span className="text-slate-700">{describeRule(parsed.data)}</span>
                {draft.knockout && " (knockout)"}
              </>
            ) : (
              "Fill in the rule to see how it reads."
            )}
          </p>
        </div>
      </div>
    </li>
  );
}
