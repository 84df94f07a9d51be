"use client";

import { ArrowRight } from "lucide-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { BlockedPanel } from "./blocked-panel";
import { useStageMove } from "./use-stage-move";

interface Stage {
  id: string;
  label: string;
}

/**
 * Moves the deal, through the same flow as the board's cards (useStageMove + BlockedPanel): the server runs
 * the gate; a refusal shows the engine's blockers, and managers may then override with a reason and an
 * expiry. After a move the focus lands on the line saying where the deal went.
 */
export function StageControl({
  opportunityId,
  version,
  currentStage,
  nextStage,
  stages,
  canOverride,
}: {
  opportunityId: string;
  version: number;
  currentStage: string;
  nextStage: Stage | null;
  stages: Stage[];
  canOverride: boolean;
}) {
  const label = (id: string) => stages.find((s) => s.id === id)?.label ?? id;
  const { move, isPending, refused, dismiss, overrideErrors } = useStageMove({ opportunityId, version, stageId: currentStage, stageLabel: label });
  const [target, setTarget] = useState(nextStage?.id ?? "");
  const [moved, setMoved] = useState<string | null>(null);
  // The deal moved (here or elsewhere): start from its new next stage.
  const [shownStage, setShownStage] = useState(currentStage);
  if (shownStage !== currentStage) {
    setShownStage(currentStage);
    setTarget(nextStage?.id ?? "");
  }
  const buttonRef = useRef<HTMLButtonElement>(null);
  const movedRef = useRef<HTMLParagraphElement>(null);

  // Focus follows the answer: once the "Moved to" line has rendered, it takes the focus.
  useEffect(() => {
    if (moved) movedRef.current?.focus();
  }, [moved]);

  async function run(toStage: string, override?: { reason: string; expiresOn: string }) {
    setMoved(null);
    const outcome = await move(toStage, override);
    if (outcome.kind === "moved") setMoved(`Moved to ${label(outcome.stage)}.`);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (target) void run(target);
  }

  return (
    <div className="space-y-3" data-testid="stage-control">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2" noValidate>
        <Field label="Move to" name="toStage" className="min-w-44 flex-1">
          <Select
            id="toStage"
            name="toStage"
            value={target}
            onChange={(e) => {
              setTarget(e.target.value);
              dismiss();
              setMoved(null);
            }}
          >
            <option value="" disabled>
              Pick a stage…
            </option>
            {stages
              .filter((s) => s.id !== currentStage)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
          </Select>
        </Field>
        <Button ref={buttonRef} type="submit" disabled={isPending || !target} data-testid="advance-button">
          {isPending ? "Checking gate…" : target === nextStage?.id ? "Advance" : "Move"} <ArrowRight className="size-4" aria-hidden />
        </Button>
      </form>
      {moved && (
        <p ref={movedRef} tabIndex={-1} role="status" className="text-sm font-medium text-emerald-700 focus:outline-none" data-testid="stage-moved">
          {moved}
        </p>
      )}
      {refused && (
        <BlockedPanel
          dealName="this deal"
          refused={refused}
          stageLabel={label}
          canOverride={canOverride}
          isPending={isPending}
          errors={overrideErrors}
          onOverride={(reason, expiresOn) => void run(refused.toStage, { reason, expiresOn })}
          onDismiss={() => {
            dismiss();
            buttonRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
