"use client";

import { useRef, type ReactNode } from "react";
import { BlockedPanel } from "@/components/qualification/blocked-panel";
import { useStageMove } from "@/components/qualification/use-stage-move";
import { useOnDemand } from "@/components/ui/on-demand";
import { useDroppedMoves } from "./board-dnd";
import { BoardIcon } from "./board-icons";

export interface StageOption {
  id: string;
  label: string;
}

/** After a move the card re-renders in its new column: put the focus on it there, once it has rendered. */
function focusCard(opportunityId: string, stageId: string, frames = 30) {
  requestAnimationFrame(() => {
    const moved = document.querySelector<HTMLElement>(`[data-stage-id="${stageId}"] [data-deal-id="${opportunityId}"] [data-card-focus]`);
    if (moved) moved.focus();
    else if (frames > 0) focusCard(opportunityId, stageId, frames - 1);
  });
}

export const triggerClass =
  "-mr-1 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-50";

// The menu itself (Radix, Floating UI) is loaded when a card's button is first pointed at, focused or pressed:
// a board of cards should not carry it in its first load.
const loadMenu = () => import("./card-menu-content").then((m) => m.CardMenuContent);

/**
 * A card's stage menu: "Advance to …" the next stage on the way to won, or a move to any other stage (the
 * engine always allows backward and closed lost). The same flow as the deal page (useStageMove): the gate's
 * refusal opens the blockers on the card, with an override for managers.
 */
export function CardMenu({
  opportunityId,
  dealName,
  version,
  stageId,
  nextStageId,
  stages,
  canOverride,
  header,
  children,
}: {
  opportunityId: string;
  dealName: string;
  version: number;
  stageId: string;
  nextStageId: string | null;
  stages: StageOption[];
  canOverride: boolean;
  /** The card's title row; the menu button sits at its end. */
  header: ReactNode;
  /** The rest of the card; the gate's refusal opens below it. */
  children: ReactNode;
}) {
  const stageLabel = (id: string) => stages.find((s) => s.id === id)?.label ?? id;
  const { move, isPending, refused, dismiss, overrideErrors } = useStageMove({ opportunityId, version, stageId, stageLabel });
  const triggerRef = useRef<HTMLButtonElement>(null);
  const { Loaded, pressed, focused, triggerProps } = useOnDemand(loadMenu, "press");

  async function run(toStage: string, override?: { reason: string; expiresOn: string }) {
    const outcome = await move(toStage, override);
    if (outcome.kind === "moved") focusCard(opportunityId, outcome.stage);
  }
  useDroppedMoves(opportunityId, (toStage) => void run(toStage));

  const others = stages.filter((s) => s.id !== stageId && s.id !== nextStageId);
  return (
    <>
      <div className="flex items-start gap-1">
        <div className="min-w-0 flex-1">{header}</div>
        {Loaded ? (
          <Loaded
            dealName={dealName}
            disabled={isPending}
            triggerRef={triggerRef}
            nextStageId={nextStageId}
            others={others}
            stageLabel={stageLabel}
            onMove={(toStage) => void run(toStage)}
            defaultOpen={pressed !== null}
            byKeyboard={pressed === "keyboard"}
            autoFocus={focused && pressed === null}
          />
        ) : (
          <button
            ref={triggerRef}
            type="button"
            aria-haspopup="menu"
            aria-expanded={false}
            disabled={isPending}
            aria-label={`Stage actions for ${dealName}`}
            className={triggerClass}
            data-card-focus
            data-testid="card-menu"
            {...triggerProps}
          >
            <BoardIcon name="menu" className="size-4" />
          </button>
        )}
      </div>
      {children}
      {isPending && (
        <span className="sr-only" role="status">
          Checking the gate…
        </span>
      )}
      {refused && (
        <BlockedPanel
          dealName={dealName}
          refused={refused}
          stageLabel={stageLabel}
          canOverride={canOverride}
          isPending={isPending}
          errors={overrideErrors}
          onOverride={(reason, expiresOn) => void run(refused.toStage, { reason, expiresOn })}
          onDismiss={() => {
            dismiss();
            triggerRef.current?.focus();
          }}
        />
      )}
    </>
  );
}
