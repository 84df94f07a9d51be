"use client";

import { Search } from "lucide-react";
import { openPalette } from "./palette-events";

/**
 * Opens the command palette; shows the shortcut so people learn it. Drawn in the sidebar's colours, which stay
 * dark in both schemes, so it reads the same in the sidebar and in the phone header (light or dark).
 */
export function PaletteButton() {
  return (
    <button
      type="button"
      onClick={openPalette}
      aria-keyshortcuts="Control+K Meta+K"
      className="flex w-full items-center gap-2 rounded-md bg-sidebar-accent px-2.5 py-1.5 text-sm text-sidebar-foreground ring-1 ring-sidebar-border hover:bg-sidebar hover:text-sidebar-accent-foreground focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
      data-testid="palette-button"
    >
      <Search className="size-4" aria-hidden />
      <span className="flex-1 text-left">Search…</span>
      <kbd className="rounded border border-sidebar-muted/50 px-1 font-mono text-[11px] text-sidebar-foreground">⌘K</kbd>
    </button>
  );
}
