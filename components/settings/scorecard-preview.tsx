"use client";

import { useMemo, useState } from "react";
import { Select } from "@/components/ui/field";
import { previewScorecard, type EvidenceState, type Framework } from "@/lib/qualification";

const STATES: EvidenceState[] = ["unknown", "claimed", "verified", "negative"];

/** The scorecard the draft would give a sample deal, computed by the engine in the browser as the draft changes. */
export function ScorecardPreview({ framework, now }: { framework: Framework; now: Date }) {
  const [states, setStates] = useState<Record<string, EvidenceState>>({});
  const preview = useMemo(() => previewScorecard(framework, states, now), [framework, states, now]);
  return (
    <section className="space-y-2 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200" data-testid="scorecard-preview" aria-label="Scorecard preview">
      <h3 className="text-sm font-semibold text-slate-900">Preview on a sample deal</h3>
      {!preview.ok ? (
        <ul className="list-disc pl-4 text-xs text-rose-700">
          {preview.issues.slice(0, 6).map((i) => (
            <li key={`${i.path}-${i.message}`}>
              {i.path}: {i.message}
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            Intent{" "}
            <span className="font-semibold tabular-nums" data-testid="preview-score">
              {preview.intent.score}
            </span>
            /100 · {Math.round(preview.intent.coverage * 100)}% of criteria at least claimed
          </p>
          <ul className="grid gap-2 sm:grid-cols-2">
            {preview.intent.criteria.map((c) => (
              <li key={c.criterionId} className="flex items-center justify-between gap-2 text-sm">
                <span className="truncate">
                  {c.label}{" "}
                  <span className="text-xs text-slate-500">
                    ({c.points.toFixed(1)} of {c.weight})
                  </span>
                </span>
                <Select
                  aria-label={`Sample state of ${c.label}`}
                  className="w-32 py-1"
                  value={states[c.criterionId] ?? "unknown"}
                  onChange={(e) => setStates((s) => ({ ...s, [c.criterionId]: e.target.value as EvidenceState }))}
                >
                  {STATES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </Select>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
