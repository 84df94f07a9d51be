"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { BlockerList } from "./blocker-list";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { invalid } from "@/components/forms/form-errors";
import type { OverrideErrors, RefusedMove } from "./use-stage-move";

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The engine's answer to a refused move, on the card that was moved: the blockers in plain words, and for
 * managers a way to let the deal through with a recorded reason and an expiry (the override is audited).
 */
export function BlockedPanel({
  dealName,
  refused,
  stageLabel,
  canOverride,
  isPending,
  errors,
  onOverride,
  onDismiss,
}: {
  dealName: string;
  refused: RefusedMove;
  stageLabel: (id: string) => string;
  canOverride: boolean;
  isPending: boolean;
  errors: OverrideErrors;
  onOverride: (reason: string, expiresOn: string) => void;
  onDismiss: () => void;
}) {
  const uid = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [overriding, setOverriding] = useState(false);
  // Read the clock once: the earliest allowed expiry is tomorrow, and two weeks is a sensible default.
  const [dates] = useState(() => ({ min: isoDay(new Date(Date.now() + DAY_MS)), suggested: isoDay(new Date(Date.now() + 14 * DAY_MS)) }));

  // Focus follows the answer, so keyboard and screen-reader users land on the blockers, then on the form.
  useEffect(() => headingRef.current?.focus(), [refused]);
  useEffect(() => {
    if (overriding) reasonRef.current?.focus();
  }, [overriding]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (key: string) => {
      const value = data.get(key);
      return typeof value === "string" ? value : "";
    };
    onOverride(text("overrideReason"), text("overrideExpiresOn"));
  }

  const reasonId = `${uid}-reason`;
  const expiryId = `${uid}-expiry`;
  return (
    <div
      className="mt-3 rounded-md bg-rose-50/60 p-3 ring-1 ring-inset ring-rose-200"
      role="region"
      aria-label={`Why ${dealName} cannot move`}
      data-testid="blocked-panel"
      // Escape closes the answer like any popover; the card's controls get the focus back.
      onKeyDown={(event) => {
        if (event.key === "Escape" && !isPending) onDismiss();
      }}
    >
      <h4 ref={headingRef} tabIndex={-1} className="text-sm font-semibold text-slate-900 focus:outline-none">
        Can’t move to {stageLabel(refused.toStage)} yet
      </h4>
      <p className="mb-2 text-xs text-slate-600" data-testid="blocked-message">
        Nothing was changed. The stage’s exit criteria say:
      </p>
      <BlockerList blockers={refused.blockers} stageLabel={stageLabel} />
      {overriding ? (
        <form onSubmit={submit} className="mt-3 space-y-2 border-t border-rose-200 pt-3" noValidate data-testid="override-form">
          <Field label="Why let it through?" name={reasonId} errors={errors.overrideReason}>
            <Textarea
              ref={reasonRef}
              id={reasonId}
              name="overrideReason"
              className="min-h-16"
              placeholder="E.g. CFO confirmed budget verbally; paperwork follows"
              {...invalid(errors.overrideReason, reasonId)}
            />
          </Field>
          <Field label="Override expires on" name={expiryId} errors={errors.overrideExpiresOn}>
            <Input
              id={expiryId}
              name="overrideExpiresOn"
              type="date"
              min={dates.min}
              defaultValue={dates.suggested}
              {...invalid(errors.overrideExpiresOn, expiryId)}
            />
          </Field>
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={isPending}>
              {isPending ? "Moving…" : "Override and move"}
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setOverriding(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="mt-3 flex gap-2">
          {canOverride && (
            <Button type="button" size="sm" variant="secondary" onClick={() => setOverriding(true)}>
              Override…
            </Button>
          )}
          <Button type="button" size="sm" variant="ghost" onClick={onDismiss}>
            Dismiss
          </Button>
        </div>
      )}
    </div>
  );
}
