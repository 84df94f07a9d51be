"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { ArrowRight } from "lucide-react";
import { useEffect, type RefObject } from "react";
import { useFirstItemFocus } from "@/components/ui/on-demand";
import { BoardIcon } from "./board-icons";
import { triggerClass, type StageOption } from "./card-menu";

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-slate-800 outline-none data-[highlighted]:bg-indigo-50 data-[highlighted]:text-indigo-900";

/** `CardMenu`'s Radix menu, loaded on demand: open at once when its button was pressed before it arrived. */
export function CardMenuContent({
  dealName,
  disabled,
  triggerRef,
  nextStageId,
  others,
  stageLabel,
  onMove,
  defaultOpen,
  byKeyboard,
  autoFocus,
}: {
  dealName: string;
  disabled: boolean;
  triggerRef: RefObject<HTMLButtonElement | null>;
  nextStageId: string | null;
  others: StageOption[];
  stageLabel: (id: string) => string;
  onMove: (toStage: string) => void;
  defaultOpen: boolean;
  byKeyboard: boolean;
  autoFocus: boolean;
}) {
  const firstItemFocus = useFirstItemFocus(byKeyboard);
  // It replaced a look-alike button that had focus: keep the focus there.
  useEffect(() => {
    if (autoFocus) triggerRef.current?.focus();
  }, [autoFocus, triggerRef]);
  return (
    <Menu.Root defaultOpen={defaultOpen}>
      <Menu.Trigger
        ref={triggerRef}
        disabled={disabled}
        aria-label={`Stage actions for ${dealName}`}
        className={triggerClass}
        data-card-focus
        data-testid="card-menu"
      >
        <BoardIcon name="menu" className="size-4" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          ref={firstItemFocus}
          align="end"
          sideOffset={4}
          className="z-40 min-w-48 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200"
        >
          {nextStageId && (
            <Menu.Item className={itemClass} onSelect={() => onMove(nextStageId)}>
              <ArrowRight className="size-3.5" aria-hidden /> Advance to {stageLabel(nextStageId)}
            </Menu.Item>
          )}
          {nextStageId && others.length > 0 && <Menu.Separator className="my-1 h-px bg-slate-200" />}
          {others.length > 0 && (
            <Menu.Group>
              <Menu.Label className="px-2 py-1 text-xs font-semibold text-slate-600">Move to</Menu.Label>
              {others.map((s) => (
                <Menu.Item key={s.id} className={itemClass} onSelect={() => onMove(s.id)}>
                  {s.label}
                </Menu.Item>
              ))}
            </Menu.Group>
          )}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
