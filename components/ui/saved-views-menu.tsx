"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Check } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, type ReactNode } from "react";
import { buttonVariants } from "./button";
import { useFirstItemFocus } from "./on-demand";
import type { SavedViewOption } from "./saved-views";

/** `SavedViews`' Radix menu, loaded on demand: open at once when its button was pressed before it arrived. */
export function SavedViewsMenu({
  views,
  activeId,
  href,
  onSaveCurrent,
  onDelete,
  defaultOpen,
  byKeyboard,
  autoFocus,
  children,
}: {
  views: SavedViewOption[];
  activeId: string | undefined;
  href: (view: SavedViewOption) => string;
  onSaveCurrent: () => void;
  onDelete: (viewId: string) => void;
  defaultOpen: boolean;
  byKeyboard: boolean;
  autoFocus: boolean;
  /** The button's label. */
  children: ReactNode;
}) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  const firstItemFocus = useFirstItemFocus(byKeyboard);
  const active = views.find((v) => v.id === activeId);
  // It replaced a look-alike button that had focus: keep the focus there.
  useEffect(() => {
    if (autoFocus) triggerRef.current?.focus();
  }, [autoFocus]);
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger ref={triggerRef} className={buttonVariants({ variant: "secondary" })} data-testid="saved-views">
        {children}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          ref={firstItemFocus}
          align="end"
          sideOffset={4}
          className="z-50 min-w-56 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200"
        >
          {views.length === 0 && <DropdownMenu.Label className="px-2 py-1.5 text-sm text-slate-600">No saved views yet</DropdownMenu.Label>}
          {views.map((v) => (
            <DropdownMenu.Item
              key={v.id}
              asChild
              className="flex items-center gap-2 rounded px-2 py-1.5 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100"
            >
              <Link href={href(v)}>
                <Check className={activeId === v.id ? "size-4" : "size-4 opacity-0"} aria-hidden />
                {v.name}
              </Link>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item
            className="rounded px-2 py-1.5 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100"
            onSelect={onSaveCurrent}
          >
            Save current view…
          </DropdownMenu.Item>
          {active && (
            <DropdownMenu.Item
              className="rounded px-2 py-1.5 text-sm text-rose-700 outline-none data-[highlighted]:bg-rose-50"
              onSelect={() => onDelete(active.id)}
            >
              Delete “{active.name}”
            </DropdownMenu.Item>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
