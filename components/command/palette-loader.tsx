"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { OPEN_PALETTE } from "./palette-events";

const CommandPalette = dynamic(() => import("./command-palette").then((m) => m.CommandPalette), { ssr: false });

/**
 * The command palette (cmdk in a dialog) is loaded when the page is idle, not with the page: every signed-in page
 * would otherwise pay for it in its first-load JavaScript. Until it is there, ⌘K / Ctrl+K and the palette buttons
 * ask for it here, and it opens as soon as it has loaded; from then on it listens itself.
 */
export function PaletteLoader({ canCreateDeal }: { canCreateDeal: boolean }) {
  const [wanted, setWanted] = useState<"idle" | "open" | null>(null);
  useEffect(() => {
    if (wanted) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey) && !event.altKey) {
        event.preventDefault();
        setWanted("open");
      }
    };
    const onOpen = () => setWanted("open");
    const idle = window.setTimeout(() => setWanted((was) => was ?? "idle"), 1500);
    window.addEventListener("keydown", onKey);
    window.addEventListener(OPEN_PALETTE, onOpen);
    return () => {
      window.clearTimeout(idle);
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(OPEN_PALETTE, onOpen);
    };
  }, [wanted]);
  return wanted ? <CommandPalette canCreateDeal={canCreateDeal} initialOpen={wanted === "open"} /> : null;
}
