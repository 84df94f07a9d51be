"use client";

import { ArrowRight } from "lucide-react";
import { useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { BlockedPanel } from "./blocked-panel";
import { useDroppedMoves } from "./board-dnd";
import { useStageMove } from "./use-stage-move";

export interface StageOption {
  id: string;
  label: string;
}

/**
 * A card's stage controls: "Advance" to the next stage on the way to won, "Move…" to any other stage
 * (backward and closed lost are always allowed by the engine), and the engine's answer when it refuses.
 */
export function CardActions({
  opportunityId, dealName, version, stageId, nextStageId, stages, canOverride,
}: {
  opportunityId: string;
  dealName: string;
  version: number;
  stageId: string;
  nextStageId: string | null;
  stages: StageOption[];
  canOverride: boolean;
}) {
  const uid = useId();
  const stageLabel = (id: string) => stages.find((s) => s.id === id)?.label ?? id;
  const { move, isPending, refused, dismiss, overrideErrors } = useStageMove({ opportunityId, version, stageId, stageLabel });
  const [choosing, setChoosing] = useState(false);
  // Where focus goes back to when the blockers panel is dismissed: the control that asked for the move.
  const trigger = useRef<HTMLButtonElement | null>(null);
  const advanceRef = useRef<HTMLButtonElement>(null);
  const moveToggleRef = useRef<HTMLButtonElement>(null);

  useDroppedMoves(opportunityId, (toStage) => {
    trigger.current = advanceRef.current ?? moveToggleRef.current;
    void move(toStage);
  });

  function submitMove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const toStage = new FormData(event.currentTarget).get("toStage");
    if (typeof toStage !== "string" || !toStage) return;
    trigger.current = moveToggleRef.current;
    setChoosing(false);
    void move(toStage);
  }

  const others = stages.filter((s) => s.id !== stageId);
  return (
    <div className="mt-3">
      <div className="flex flex-wrap items-center gap-2">
        {nextStageId && (
          <Button
            ref={advanceRef}
            type="button"
            size="sm"
            disabled={isPending}
            aria-label={`Advance ${dealName} to ${stageLabel(nextStageId)}`}
            onClick={() => {
              trigger.current = advanceRef.current;
              void move(nextStageId);
            }}
          >
            Advance <ArrowRight className="size-3.5" aria-hidden />
          </Button>
        )}
        <Button
          ref={moveToggleRef}
          type="button"
          size="sm"
          variant="ghost"
          aria-expanded={choosing}
          aria-controls={`${uid}-move`}
          aria-label={`Move ${dealName} to another stage`}
          onClick={() => setChoosing((open) => !open)}
        >
          Move…
        </Button>
        {isPending && <span className="text-xs text-slate-500" role="status">Checking the gate…</span>}
      </div>
      {choosing && (
        <form
          id={`${uid}-move`}
          onSubmit={submitMove}
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            setChoosing(false);
            moveToggleRef.current?.focus();
          }}
          className="mt-2 flex gap-2"
        >
          <Select name="toStage" aria-label={`New stage for ${dealName}`} className="h-8 py-1 text-xs" defaultValue="" autoFocus>
            <option value="" disabled>Choose a stage…</option>
            {others.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
          </Select>
          <Button type="submit" size="sm" variant="secondary" disabled={isPending}>Move</Button>
        </form>
      )}
      {refused && (
        <BlockedPanel
          dealName={dealName}
          refused={refused}
          stageLabel={stageLabel}
          canOverride={canOverride}
          isPending={isPending}
          errors={overrideErrors}
          onOverride={(reason, expiresOn) => void move(refused.toStage, { reason, expiresOn })}
          onDismiss={() => {
            dismiss();
            trigger.current?.focus();
          }}
        />
      )}
    </div>
  );
}
