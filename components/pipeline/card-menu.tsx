"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { ArrowRight, EllipsisVertical } from "lucide-react";
import { useRef, type ReactNode } from "react";
import { BlockedPanel } from "@/components/qualification/blocked-panel";
import { useStageMove } from "@/components/qualification/use-stage-move";
import { useDroppedMoves } from "./board-dnd";

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

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-slate-800 outline-none data-[highlighted]:bg-indigo-50 data-[highlighted]:text-indigo-900";

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
        <Menu.Root>
          <Menu.Trigger
            ref={triggerRef}
            disabled={isPending}
            aria-label={`Stage actions for ${dealName}`}
            className="-mr-1 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-50"
            data-card-focus
            data-testid="card-menu"
          >
            <EllipsisVertical className="size-4" aria-hidden />
          </Menu.Trigger>
          <Menu.Portal>
            <Menu.Content align="end" sideOffset={4} className="z-40 min-w-48 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200">
              {nextStageId && (
                <Menu.Item className={itemClass} onSelect={() => void run(nextStageId)}>
                  <ArrowRight className="size-3.5" aria-hidden /> Advance to {stageLabel(nextStageId)}
                </Menu.Item>
              )}
              {nextStageId && others.length > 0 && <Menu.Separator className="my-1 h-px bg-slate-200" />}
              {others.length > 0 && (
                <Menu.Group>
                  <Menu.Label className="px-2 py-1 text-xs font-semibold text-slate-600">Move to</Menu.Label>
                  {others.map((s) => (
                    <Menu.Item key={s.id} className={itemClass} onSelect={() => void run(s.id)}>
                      {s.label}
                    </Menu.Item>
                  ))}
                </Menu.Group>
              )}
            </Menu.Content>
          </Menu.Portal>
        </Menu.Root>
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
