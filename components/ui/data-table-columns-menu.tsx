"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Check, Columns3 } from "lucide-react";
import { useEffect, useRef } from "react";
import { buttonVariants } from "./button";
import type { ColumnMenuProps } from "./data-table-columns";
import { useFirstItemFocus } from "./on-demand";

/** `ColumnMenu`'s Radix menu, loaded on demand: open at once when its button was pressed before it arrived. */
export function ColumnMenuContent({
  columns,
  onChange,
  defaultOpen,
  byKeyboard,
  autoFocus,
}: ColumnMenuProps & { defaultOpen: boolean; byKeyboard: boolean; autoFocus: boolean }) {
  const firstItemFocus = useFirstItemFocus(byKeyboard);
  const triggerRef = useRef<HTMLButtonElement>(null);
  // It replaced a look-alike button that had focus: keep the focus there.
  useEffect(() => {
    if (autoFocus) triggerRef.current?.focus();
  }, [autoFocus]);
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger ref={triggerRef} className={buttonVariants({ variant: "secondary", size: "sm" })} data-testid="column-menu">
        <Columns3 className="size-4" aria-hidden />
        Columns
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          ref={firstItemFocus}
          align="end"
          sideOffset={4}
          className="z-50 min-w-44 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200"
        >
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-semibold text-slate-600">Show columns</DropdownMenu.Label>
          {columns.map((c) => (
            <DropdownMenu.CheckboxItem
              key={c.id}
              checked={c.shown}
              onCheckedChange={(shown) => onChange(c.id, shown)}
              onSelect={(event) => event.preventDefault()}
              className="relative flex cursor-default items-center rounded py-1.5 pr-2 pl-7 text-sm text-slate-800 outline-none select-none data-[highlighted]:bg-slate-100"
            >
              <DropdownMenu.ItemIndicator className="absolute left-2 inline-flex">
                <Check className="size-4" aria-hidden />
              </DropdownMenu.ItemIndicator>
              {c.header}
            </DropdownMenu.CheckboxItem>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
