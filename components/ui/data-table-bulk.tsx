"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { plural, type Noun } from "@/lib/vocabulary";
import { useSelection, type SelectedRow } from "./data-table-selection";

/** A bulk action's answer as the page shows it: what changed, and each row refused with why. */
export interface BulkOutcome {
  text: string;
  tone: "good" | "bad";
  refused: Array<{ label: string; message: string }>;
  /** Bumped per outcome, so the same words twice still move focus. */
  seq: number;
}

interface Report {
  done: string[];
  refused: Array<{ id: string; message: string }>;
}

/** Turns a bulk report into words, naming refused rows by the labels the user saw when they picked them. */
export function outcomeOf(report: Report, rows: SelectedRow[], verb: string, word: Noun): BulkOutcome {
  const label = (id: string) => rows.find((r) => r.id === id)?.label ?? "A row";
  const refused = report.refused.map((r) => ({ label: label(r.id), message: r.message }));
  const text = refused.length
    ? `${verb} ${plural(report.done.length, word)}; ${plural(refused.length, word)} left as they were:`
    : `${verb} ${plural(report.done.length, word)}.`;
  return { text, tone: refused.length ? "bad" : "good", refused, seq: Date.now() };
}

/**
 * The toolbar of a list's bulk actions: how many rows are ticked, the page's controls (shown only while some
 * are), and the last result as a status message that takes focus, so keyboard and screen-reader users land on it.
 */
export function BulkBar({ word, outcome, children }: { word: Noun; outcome: BulkOutcome | null; children: ReactNode }) {
  const { selected } = useSelection();
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) statusRef.current?.focus();
  }, [outcome]);
  return (
    <>
      {selected.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2" data-testid="bulk-bar">
          <span className="text-sm font-medium text-slate-800">{plural(selected.length, word)} selected</span>
          {children}
        </div>
      ) : (
        <span className="text-sm text-slate-600">Tick rows to act on several at once.</span>
      )}
      <div
        ref={statusRef}
        role="status"
        tabIndex={-1}
        className="basis-full text-sm outline-none focus-visible:ring-2 focus-visible:ring-indigo-600"
        data-testid="bulk-result"
      >
        {outcome && (
          <div className={outcome.tone === "good" ? "text-emerald-700" : "text-amber-800"}>
            {outcome.text}
            {outcome.refused.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {outcome.refused.map((r, i) => (
                  <li key={i}>
                    <b>{r.label}</b>: {r.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </>
  );
}
