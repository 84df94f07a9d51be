"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Logo } from "./logo";

/**
 * The phone menu: a sheet from the left with the same nav and footer as the sidebar. Radix's dialog traps
 * focus, closes on Escape or a tap outside, returns focus to the button, and sets aria-expanded on it.
 * Following any link in it closes it.
 */
export function MobileNav({ children, footer }: { children: ReactNode; footer: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger
        className="rounded-md p-2 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
        data-testid="menu-button"
      >
        <Menu className="size-5" aria-hidden />
        <span className="sr-only">Menu</span>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <Dialog.Content
          aria-describedby={undefined}
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
            onClick={(e) => (e.target as HTMLElement).closest("a") && setOpen(false)}
          >
            {children}
          </nav>
          {footer}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
