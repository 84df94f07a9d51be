"use client";

import { Search } from "lucide-react";
import { openPalette } from "./palette-events";

/** Opens the command palette; shows the shortcut so people learn it. */
export function PaletteButton() {
  return (
    <button
      type="button"
      onClick={openPalette}
      aria-keyshortcuts="Control+K Meta+K"
      className="flex w-full items-center gap-2 rounded-md bg-slate-800/70 px-2.5 py-1.5 text-sm text-slate-300 ring-1 ring-slate-700 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-indigo-400"
      data-testid="palette-button"
    >
      <Search className="size-4" aria-hidden />
      <span className="flex-1 text-left">Search…</span>
      <kbd className="rounded border border-slate-600 px-1 font-mono text-[11px] text-slate-300">⌘K</kbd>
    </button>
  );
}
