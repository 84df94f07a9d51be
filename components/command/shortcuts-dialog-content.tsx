"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";

const SHORTCUTS: Array<{ keys: string[]; what: string }> = [
  { keys: ["⌘/Ctrl", "K"], what: "Open the command palette: jump to a deal, account, contact or lead, or run a command" },
  { keys: ["?"], what: "Show these shortcuts" },
  { keys: ["Esc"], what: "Close a dialog, menu or panel" },
  { keys: ["Space"], what: "On the board: pick up the focused card; arrows move it between stages, Space drops, Esc cancels" },
  { keys: ["⌘/Ctrl", "Enter"], what: "Save the discovery note" },
  { keys: ["Alt", "E"], what: "In a note: evidence from the selected text" },
];

/** The shortcuts list in a dialog; loaded the first time it is asked for (see `ShortcutsDialog`). */
export function ShortcutsDialogContent({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <Dialog.Content
          className="fixed top-[15vh] left-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 rounded-lg bg-white p-5 shadow-xl ring-1 ring-slate-200"
          data-testid="shortcuts-dialog"
        >
          <div className="flex items-start justify-between gap-4">
            <Dialog.Title className="text-base font-semibold text-slate-900">Keyboard shortcuts</Dialog.Title>
            <Dialog.Close className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900" aria-label="Close">
              <X className="size-4" aria-hidden />
            </Dialog.Close>
          </div>
          <Dialog.Description className="mt-1 text-sm text-slate-600">Work without the mouse.</Dialog.Description>
          <dl className="mt-4 space-y-2 text-sm">
            {SHORTCUTS.map((s) => (
              <div key={s.what} className="grid grid-cols-[8rem_1fr] gap-3">
                <dt className="flex flex-wrap gap-1">
                  {s.keys.map((k) => (
                    <kbd key={k} className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs text-slate-700">
                      {k}
                    </kbd>
                  ))}
                </dt>
                <dd className="text-slate-700">{s.what}</dd>
              </div>
            ))}
          </dl>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
