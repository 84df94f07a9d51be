"use client";

import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { LEAD_ATTRIBUTES, type IntakeQuestion } from "@/lib/qualification/leads";

/** One qualifying question: its text, what it maps to (a criterion or an ICP attribute) and its answer type. */
export function QuestionEditor({
  question: q,
  criteria,
  onChange,
  onRemove,
}: {
  question: IntakeQuestion;
  criteria: { id: string; label: string }[];
  onChange: (q: IntakeQuestion) => void;
  onRemove: () => void;
}) {
  const target = q.target.kind === "criterion" ? `c:${q.target.criterionId}` : q.target.kind === "attribute" ? `a:${q.target.attribute}` : "none";
  const setTarget = (value: string) => {
    const [kind, key] = value.split(":");
    onChange({
      ...q,
      target:
        kind === "c" && key
          ? { kind: "criterion", criterionId: key }
          : kind === "a" && key
            ? { kind: "attribute", attribute: key as (typeof LEAD_ATTRIBUTES)[number] }
            : { kind: "none" },
    });
  };
  return (
    <div className="space-y-3 rounded-md p-3 ring-1 ring-slate-200" data-testid="question-editor">
      <div className="flex gap-2">
        <Input value={q.label} onChange={(e) => onChange({ ...q, label: e.target.value })} aria-label="Question" placeholder="Question" />
        <Button type="button" variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove "${q.label}"`}>
          <Trash2 className="size-4" aria-hidden />
        </Button>
      </div>
      <div className="grid gap-2 sm:grid-cols-3">
        <Select value={target} onChange={(e) => setTarget(e.target.value)} aria-label="Maps to">
          <option value="none">Maps to nothing (kept as a note)</option>
          <optgroup label="Framework criterion (claimed evidence)">
            {criteria.map((c) => (
              <option key={c.id} value={`c:${c.id}`}>
                {c.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="ICP attribute">
            {LEAD_ATTRIBUTES.map((a) => (
              <option key={a} value={`a:${a}`}>
                {a}
              </option>
            ))}
          </optgroup>
        </Select>
        <Select
          value={q.answer.kind}
          onChange={(e) =>
            onChange({
              ...q,
              answer:
                e.target.value === "text"
                  ? { kind: "text" }
                  : {
                      kind: "choice",
                      options: [
                        { value: "yes", label: "Yes", state: "claimed" },
                        { value: "no", label: "No", state: "negative" },
                      ],
                    },
            })
          }
          aria-label="Answer type"
        >
          <option value="text">Free text</option>
          <option value="choice">Choice</option>
        </Select>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={q.required}
            onChange={(e) => onChange({ ...q, required: e.target.checked })}
            className="accent-indigo-600"
          />
          Required
        </label>
      </div>
      {q.answer.kind === "choice" && (
        <ul className="space-y-1.5">
          {q.answer.options.map((o, i) => {
            const options = q.answer.kind === "choice" ? q.answer.options : [];
            const set = (patch: Partial<typeof o>) =>
              onChange({ ...q, answer: { kind: "choice", options: options.map((x, k) => (k === i ? { ...x, ...patch } : x)) } });
            return (
              <li key={i} className="flex gap-2">
                <Input
                  value={o.label}
                  onChange={(e) =>
                    set({
                      label: e.target.value,
                      value:
                        o.value ||
                        e.target.value
                          .toLowerCase()
                          .replace(/[^a-z0-9]+/g, "-")
                          .slice(0, 40),
                    })
                  }
                  aria-label="Option"
                  className="flex-1"
                />
                <Select
                  value={o.state ?? "unknown"}
                  onChange={(e) => set({ state: e.target.value as "claimed" | "negative" | "unknown" })}
                  aria-label="Means"
                  className="w-44"
                >
                  <option value="claimed">means yes</option>
                  <option value="negative">means no</option>
                  <option value="unknown">says nothing</option>
                </Select>
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  onClick={() => onChange({ ...q, answer: { kind: "choice", options: options.filter((_, k) => k !== i) } })}
                  aria-label="Remove option"
                >
                  <Trash2 className="size-4" aria-hidden />
                </Button>
              </li>
            );
          })}
          <li>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() =>
                onChange({
                  ...q,
                  answer: {
                    kind: "choice",
                    options: [
                      ...(q.answer.kind === "choice" ? q.answer.options : []),
                      { value: `option-${Date.now() % 10000}`, label: "New option", state: "unknown" },
                    ],
                  },
                })
              }
            >
              Add option
            </Button>
          </li>
        </ul>
      )}
    </div>
  );
}
