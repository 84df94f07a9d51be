"use client";

import { Search } from "lucide-react";
import { openPalette } from "./palette-events";

/**
 * Opens the command palette. The shell renders it in two places: on the light phone header it is a 40 px icon
 * button like the menu button beside it (the label stays for screen readers); in the dark sidebar from 768 px up it
 * is a search field look-alike that shows the shortcut so people learn it.
 */
export function PaletteButton() {
  return (
    <button
      type="button"
      onClick={openPalette}
      aria-keyshortcuts="Control+K Meta+K"
      className="flex size-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 md:h-auto md:w-full md:justify-start md:gap-2 md:bg-sidebar-accent/70 md:px-2.5 md:py-1.5 md:text-sm md:text-sidebar-foreground md:ring-1 md:ring-sidebar-border md:hover:bg-sidebar-accent md:hover:text-sidebar-accent-foreground md:focus-visible:outline-sidebar-ring"
      data-testid="palette-button"
    >
      <Search className="size-5 md:size-4" aria-hidden />
      <span className="sr-only md:not-sr-only md:flex-1 md:text-left">Search…</span>
      <kbd className="hidden rounded border border-sidebar-muted/60 px-1 font-mono text-[11px] text-sidebar-foreground md:inline">⌘K</kbd>
    </button>
  );
}
