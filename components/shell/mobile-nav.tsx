"use client";

import { Menu } from "lucide-react";
import dynamic from "next/dynamic";
import { useRef, useState, type ReactNode } from "react";

const loadSheet = () => import("./mobile-nav-sheet").then((m) => m.MobileNavSheet);
// The sheet (Radix Dialog, its focus trap and layers) comes on the first press, or as the pointer or focus
// reaches the button: every signed-in page would otherwise carry it in its first load.
const MobileNavSheet = dynamic(loadSheet, { ssr: false });
const preload = () => void loadSheet().catch(() => undefined);

/** The phone menu: a button that opens a sheet from the left with the same nav and footer as the sidebar. */
export function MobileNav({ children, footer }: { children: ReactNode; footer: ReactNode }) {
  const [open, setOpen] = useState(false);
  // Mounted from the first press on, so later opens and closes are the dialog's own.
  const [used, setUsed] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? "mobile-menu" : undefined}
        data-state={open ? "open" : "closed"}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
        onPointerEnter={preload}
        onFocus={preload}
        className="rounded-md p-2 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
        data-testid="menu-button"
      >
        <Menu className="size-5" aria-hidden />
        <span className="sr-only">Menu</span>
      </button>
      {used && (
        <MobileNavSheet open={open} onOpenChange={setOpen} buttonRef={buttonRef} footer={footer}>
          {children}
        </MobileNavSheet>
      )}
    </>
  );
}
