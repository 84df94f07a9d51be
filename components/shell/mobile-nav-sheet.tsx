"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ReactNode, RefObject } from "react";
import { Logo } from "./logo";

/**
 * The phone menu's sheet (see `MobileNav`, which owns the button): Radix's dialog traps focus, closes on Escape
 * or a tap outside, and focus goes back to the button. Following any link in it closes it.
 */
export function MobileNavSheet({
  open,
  onOpenChange,
  buttonRef,
  children,
  footer,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  buttonRef: RefObject<HTMLButtonElement | null>;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <Dialog.Content
          id="mobile-menu"
          aria-describedby={undefined}
          // The button is not Radix's trigger, so Radix would not know where to return focus.
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            buttonRef.current?.focus();
          }}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col bg-sidebar px-3 py-4 shadow-xl focus:outline-none"
          data-testid="mobile-menu"
        >
          <div className="mb-4 flex items-center justify-between px-2 text-sidebar-accent-foreground">
            <Dialog.Title className="flex items-center gap-2 text-lg font-semibold tracking-tight">
              <Logo />
              Winnow
            </Dialog.Title>
            <Dialog.Close className="rounded-md p-1.5 text-sidebar-muted hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:outline-2 focus-visible:outline-sidebar-ring">
              <X className="size-5" aria-hidden />
              <span className="sr-only">Close menu</span>
            </Dialog.Close>
          </div>
          {/* A link's click bubbles here: close the sheet as the page changes. */}
          <nav
            aria-label="Main"
            className="-mx-1 flex-1 overflow-y-auto px-1"
            onClick={(e) => (e.target as HTMLElement).closest("a") && onOpenChange(false)}
          >
            {children}
          </nav>
          {footer}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
