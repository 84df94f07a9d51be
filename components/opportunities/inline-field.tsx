"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Input } from "@/components/ui/field";
import { updateOpportunityAction } from "@/lib/actions/opportunities/update-opportunity";

/** The fields a deal's inline editors change; each goes through the deal's one update action. */
type InlineFieldName = "amount" | "expectedCloseDate" | "nextStepDueOn";

/**
 * The cell that was just saved: the list's refresh may re-mount its row, and the new cell takes the focus back.
 * Module state is enough: one person edits one cell at a time in a browser tab.
 */
let refocusAfterRefresh: { cell: string; savedOver: number } | null = null;

/**
 * One field of a deal edited in place: a button showing the value (click or Enter opens the editor), a labelled
 * input (Enter saves, Escape cancels; focus returns to the button either way). The save sends only this field with
 * the version the page showed, through the same update use case as the deal form; a refusal stays in place under
 * the input, and a CONFLICT (someone saved first) reloads the row so the fresh value shows.
 */
export function InlineField({
  opportunityId,
  version,
  field,
  label,
  display,
  value,
  type,
}: {
  opportunityId: string;
  version: number;
  field: InlineFieldName;
  /** What is edited, with the deal's name: "Amount of Platform deal". */
  label: string;
  /** The value as the page shows it (formatted). */
  display: string;
  /** The value as the input starts (a plain number, yyyy-mm-dd). */
  value: string;
  type: "number" | "date";
}) {
  const router = useRouter();
  const trigger = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [seen, setSeen] = useState({ version, display });
  // A fresh row from the server (after a save or a refresh) replaces what this cell assumed.
  if (seen.version !== version || seen.display !== display) {
    setSeen({ version, display });
    setShown(null);
  }
  const { executeAsync, isPending } = useAction(updateOpportunityAction);
  const cellKey = `${opportunityId}:${field}`;
  useEffect(() => {
    // Only once the refreshed row (a newer version than the one saved over) has rendered.
    if (editing || refocusAfterRefresh?.cell !== cellKey || version <= refocusAfterRefresh.savedOver) return;
    refocusAfterRefresh = null;
    trigger.current?.focus();
  });

  function close() {
    setEditing(false);
    requestAnimationFrame(() => trigger.current?.focus());
  }

  async function save() {
    if (draft === value) return close();
    const change = field === "amount" ? { amount: draft } : field === "expectedCloseDate" ? { expectedCloseDate: draft } : { nextStepDueOn: draft };
    const outcome = await executeAsync({ id: opportunityId, version, ...change });
    if (outcome.data) {
      setError(null);
      setShown(type === "number" ? draft : draft || "—");
      close();
      refocusAfterRefresh = { cell: cellKey, savedOver: version };
      router.refresh();
      return;
    }
    const fieldError = outcome.validationErrors?.fieldErrors?.[field]?.[0];
    const serverError = outcome.serverError;
    if (serverError?.code === "CONFLICT") {
      setError("Someone else changed this deal first. The current value is shown now; edit again to change it.");
      setEditing(false);
      router.refresh();
      return;
    }
    setError(fieldError ?? serverError?.message ?? "Could not save. Try again.");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      void save();
    } else if (event.key === "Escape") {
      event.preventDefault();
      setDraft(value);
      setError(null);
      close();
    }
  }

  const errorId = `${opportunityId}-${field}-error`;
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      {editing ? (
        <Input
          autoFocus
          type={type}
          step={type === "number" ? "0.01" : undefined}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          readOnly={isPending}
          aria-label={label}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="h-8 w-36 text-sm"
          data-testid={`inline-input-${field}`}
        />
      ) : (
        <button
          ref={trigger}
          type="button"
          onClick={() => {
            setDraft(value);
            setEditing(true);
          }}
          aria-label={`Edit ${label.charAt(0).toLowerCase()}${label.slice(1)}: ${shown ?? display}`}
          className="-mx-1 rounded px-1 text-left tabular-nums hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
          data-testid={`inline-edit-${field}`}
        >
          {shown ?? display}
        </button>
      )}
      {error && (
        <span id={errorId} role="alert" className="text-xs text-rose-700">
          {error}
        </span>
      )}
    </span>
  );
}
