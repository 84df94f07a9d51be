"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { isTyping, OPEN_SHORTCUTS } from "./palette-events";

// The dialog (Radix Dialog, its focus trap and layers) comes when first asked for, not with every page.
const ShortcutsDialogContent = dynamic(() => import("./shortcuts-dialog-content").then((m) => m.ShortcutsDialogContent), { ssr: false });

/** `?` (outside a text field) shows the keyboard shortcuts. */
export function ShortcutsDialog() {
  const [open, setOpen] = useState(false);
  // Mounted from the first time on, so later opens and closes are the dialog's own.
  const [used, setUsed] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "?" && !event.metaKey && !event.ctrlKey && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        setUsed(true);
        setOpen(true);
      }
    };
    const onOpen = () => {
      setUsed(true);
      setOpen(true);
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener(OPEN_SHORTCUTS, onOpen);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(OPEN_SHORTCUTS, onOpen);
    };
  }, []);
  return used ? <ShortcutsDialogContent open={open} onOpenChange={setOpen} /> : null;
}
