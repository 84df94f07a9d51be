"use client";

import { CheckCircle2 } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { respondRecapAction } from "@/lib/actions/recaps/respond-recap";
import type { RecapPoint } from "@/lib/qualification";

type Choice = "" | "confirm" | "correct" | "not_right";
interface PointAnswer {
  choice: Choice;
  text: string;
  outcome: "negative" | "unknown";
}

/** The buyer's form: per point, confirm, correct in their own words, or say it is not right. Skipped points stay unanswered. */
export function RecapAnswerForm({ token, points }: { token: string; points: RecapPoint[] }) {
  const [answers, setAnswers] = useState<Record<string, PointAnswer>>(() =>
    Object.fromEntries(points.map((p) => [p.criterionId, { choice: "", text: "", outcome: "negative" }])),
  );
  const [done, setDone] = useState(false);
  const { execute, isPending, result } = useAction(respondRecapAction, { onSuccess: () => setDone(true) });
  const set = (id: string, patch: Partial<PointAnswer>) => setAnswers((a) => ({ ...a, [id]: { ...a[id]!, ...patch } }));

  if (done) {
    return (
      <div
        className="flex items-start gap-3 rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-emerald-200"
        role="status"
        data-testid="recap-thanks"
      >
        <CheckCircle2 className="mt-0.5 size-5 shrink-0" aria-hidden />
        <p>Thank you. Your answers went straight to the team; you can close this page.</p>
      </div>
    );
  }
  const chosen = points.filter((p) => answers[p.criterionId]?.choice);
  const fieldErrors: Record<string, string[] | undefined> = result.validationErrors?.fieldErrors ?? {};
  const error = result.serverError?.message ?? result.validationErrors?.formErrors?.[0] ?? Object.values(fieldErrors).flat()[0];

  function submit(event: React.FormEvent) {
    event.preventDefault();
    execute({
      token,
      answers: chosen.map((p) => {
        const a = answers[p.criterionId]!;
        if (a.choice === "correct") return { criterionId: p.criterionId, kind: "correct" as const, text: a.text };
        if (a.choice === "not_right") return { criterionId: p.criterionId, kind: "not_right" as const, outcome: a.outcome, text: a.text };
        return { criterionId: p.criterionId, kind: "confirm" as const };
      }),
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4" data-testid="recap-form">
      {points.map((p, index) => {
        const a = answers[p.criterionId]!;
        const name = `answer-${index}`;
        return (
          <fieldset
            key={p.criterionId}
            className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
            data-testid={`recap-point-${p.criterionId}`}
          >
            <legend className="sr-only">{p.label}</legend>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500" aria-hidden>
              {p.label}
            </p>
            <p className="mt-1 whitespace-pre-wrap text-base text-slate-900">{p.text}</p>
            <div className="mt-3 grid gap-2 sm:grid-cols-3" role="radiogroup" aria-label={`Is this right? ${p.label}`}>
              {(
                [
                  ["confirm", "Yes, that's right"],
                  ["correct", "Needs a correction"],
                  ["not_right", "Not right"],
                ] as const
              ).map(([value, label]) => (
                <label
                  key={value}
                  className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm ring-1 ring-slate-300 has-checked:bg-indigo-50 has-checked:ring-2 has-checked:ring-indigo-600"
                >
                  <input
                    type="radio"
                    name={name}
                    value={value}
                    checked={a.choice === value}
                    onChange={() => set(p.criterionId, { choice: value })}
                    className="size-4 accent-indigo-600"
                  />
                  {label}
                </label>
              ))}
            </div>
            {a.choice === "correct" && (
              <div className="mt-3 space-y-1">
                <label htmlFor={`${name}-text`} className="block text-sm font-medium text-slate-800">
                  What is right instead?
                </label>
                <Textarea
                  id={`${name}-text`}
                  value={a.text}
                  onChange={(e) => set(p.criterionId, { text: e.target.value })}
                  maxLength={1000}
                  required
                  className="min-h-20"
                />
              </div>
            )}
            {a.choice === "not_right" && (
              <div className="mt-3 space-y-2">
                <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm" role="radiogroup" aria-label={`How is it not right? ${p.label}`}>
                  <label className="flex items-center gap-2">
                    <input
                      type="radio"
                      name={`${name}-outcome`}
                      checked={a.outcome === "negative"}
                      onChange={() => set(p.criterionId, { outcome: "negative" })}
                      className="size-4 accent-indigo-600"
                    />
                    It is not the case
                  </label>
                  <label className="flex items-center gap-2">
                    <input
                      type="radio"
                      name={`${name}-outcome`}
                      checked={a.outcome === "unknown"}
                      onChange={() => set(p.criterionId, { outcome: "unknown" })}
                      className="size-4 accent-indigo-600"
                    />
                    Not decided or not known yet
                  </label>
                </div>
                <label htmlFor={`${name}-why`} className="block text-sm font-medium text-slate-800">
                  Anything to add? (optional)
                </label>
                <Textarea
                  id={`${name}-why`}
                  value={a.text}
                  onChange={(e) => set(p.criterionId, { text: e.target.value })}
                  maxLength={1000}
                  className="min-h-16"
                />
              </div>
            )}
          </fieldset>
        );
      })}
      {error && (
        <p role="alert" className="text-sm font-medium text-rose-700" data-testid="recap-error">
          {error}
        </p>
      )}
      <Button type="submit" size="lg" className="w-full sm:w-auto" disabled={isPending || chosen.length === 0}>
        {isPending ? "Sending…" : `Send my answers (${chosen.length} of ${points.length})`}
      </Button>
      <p className="text-xs text-slate-500">You can leave a point unanswered. The link works once.</p>
    </form>
  );
}
