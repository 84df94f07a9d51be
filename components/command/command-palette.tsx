"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Command } from "cmdk";
import { BarChart3, Building2, CalendarCheck, Columns3, Inbox, Keyboard, NotebookPen, Plus, Trophy, User, type LucideIcon } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { SearchHit, SearchKind } from "@/lib/search";
import { OPEN_PALETTE, openShortcuts } from "./palette-events";
import { useRecordSearch } from "./use-record-search";

const KIND: Record<SearchKind, { heading: string; icon: LucideIcon }> = {
  deal: { heading: "Deals", icon: Trophy },
  account: { heading: "Accounts", icon: Building2 },
  contact: { heading: "Contacts", icon: User },
  lead: { heading: "Leads", icon: Inbox },
};

interface PaletteCommand {
  id: string;
  label: string;
  icon: LucideIcon;
  run: () => void;
}

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-2 text-sm text-slate-800 data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-900";
const headingClass =
  "[&_[cmdk-group-heading]]:px-2.5 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-slate-600";

/** The deal whose page is open, for "Log a note on this deal". */
const currentDealId = (pathname: string) => /^\/opportunities\/(?!new$)([^/]+)$/.exec(pathname)?.[1] ?? null;

/** Puts the keyboard in the deal page's note box (the page may still be rendering after a navigation). */
function focusNoteBox(attempts = 40) {
  const box = document.getElementById("note-body");
  if (box) {
    box.scrollIntoView({ block: "center" });
    box.focus();
  } else if (attempts > 0) {
    setTimeout(() => focusNoteBox(attempts - 1), 100);
  }
}

/**
 * ⌘K / Ctrl+K: jump to any deal, account, contact or lead by name (searched on the server, in the user's
 * organization), or run a common command. A combobox over a listbox (cmdk) in a modal dialog (Radix):
 * arrows move, Enter runs, Escape closes and focus returns to where it was.
 */
export function CommandPalette({ canCreateDeal, initialOpen = false }: { canCreateDeal: boolean; initialOpen?: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const [open, setOpen] = useState(initialOpen);
  const [query, setQuery] = useState("");
  const { hits, loading, failed } = useRecordSearch(open ? query : "");
  // A command that moves the focus itself (navigate, focus the note box) runs once the dialog has closed
  // and released its focus trap, instead of the dialog's usual return of focus to where it was.
  const [after, setAfter] = useState<(() => void) | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey) && !event.altKey) {
        event.preventDefault();
        setOpen((was) => !was);
      }
    };
    const onOpen = () => setOpen(true);
    window.addEventListener("keydown", onKey);
    window.addEventListener(OPEN_PALETTE, onOpen);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(OPEN_PALETTE, onOpen);
    };
  }, []);

  function changeOpen(next: boolean) {
    setOpen(next);
    if (!next) setQuery("");
  }

  function finish(then: () => void) {
    setAfter(() => then);
    changeOpen(false);
  }

  const go = (href: string) => finish(() => router.push(href));
  const dealId = currentDealId(pathname);
  const commands: PaletteCommand[] = [
    ...(dealId ? [{ id: "note", label: "Log a note on this deal", icon: NotebookPen, run: () => finish(() => focusNoteBox()) }] : []),
    ...(canCreateDeal ? [{ id: "new-deal", label: "New deal", icon: Plus, run: () => go("/opportunities/new") }] : []),
    { id: "my-day", label: "Go to my day", icon: CalendarCheck, run: () => go("/my-day") },
    { id: "dashboard", label: "Go to dashboard", icon: BarChart3, run: () => go("/dashboard") },
    { id: "pipeline", label: "Go to pipeline", icon: Columns3, run: () => go("/pipeline") },
    { id: "leads", label: "Go to leads", icon: Inbox, run: () => go("/leads") },
    { id: "shortcuts", label: "Keyboard shortcuts", icon: Keyboard, run: () => finish(openShortcuts) },
  ];
  const needle = query.trim().toLowerCase();
  const shownCommands = commands.filter((c) => c.label.toLowerCase().includes(needle));
  const groups = (Object.keys(KIND) as SearchKind[])
    .map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind) }))
    .filter((g) => g.hits.length > 0);
  // Whenever the top of the list changes (new hits arrived, the query changed), Enter means its first row.
  const firstHit = groups[0]?.hits[0];
  const first = firstHit ? `${firstHit.kind}:${firstHit.id}` : shownCommands[0] ? `command:${shownCommands[0].id}` : "";
  const [selected, setSelected] = useState(first);
  const [selectedFor, setSelectedFor] = useState(first);
  if (selectedFor !== first) {
    setSelectedFor(first);
    setSelected(first);
  }

  return (
    <Dialog.Root open={open} onOpenChange={changeOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <Dialog.Content
          className="fixed top-[12vh] left-1/2 z-50 w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 overflow-hidden rounded-lg bg-white shadow-xl ring-1 ring-slate-200"
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            if (!after) return;
            event.preventDefault();
            after();
            setAfter(null);
          }}
          data-testid="command-palette"
        >
          <Dialog.Title className="sr-only">Command palette</Dialog.Title>
          <Command label="Search records and commands" shouldFilter={false} loop value={selected} onValueChange={setSelected}>
            <Command.Input
              value={query}
              onValueChange={setQuery}
              placeholder="Find a deal, account, contact or lead… or type a command"
              className="h-12 w-full border-b border-slate-200 bg-transparent px-4 text-sm text-slate-900 outline-none placeholder:text-slate-500"
            />
            <Command.List className="max-h-[min(60vh,26rem)] overflow-y-auto p-2">
              {loading && (
                <Command.Loading>
                  <p className="px-2.5 py-2 text-sm text-slate-600">Searching…</p>
                </Command.Loading>
              )}
              {!loading && (
                <Command.Empty className="px-2.5 py-6 text-center text-sm text-slate-600">
                  {failed ? "Search failed. Try again." : "Nothing matches."}
                </Command.Empty>
              )}
              {groups.map(({ kind, hits: found }) => (
                <Command.Group key={kind} heading={KIND[kind].heading} className={headingClass}>
                  {found.map((hit) => (
                    <HitItem key={hit.id} hit={hit} onSelect={() => go(hit.href)} />
                  ))}
                </Command.Group>
              ))}
              {shownCommands.length > 0 && (
                <Command.Group heading="Commands" className={headingClass}>
                  {shownCommands.map(({ id, label, icon: Icon, run }) => (
                    <Command.Item key={id} value={`command:${id}`} onSelect={run} className={itemClass}>
                      <Icon className="size-4 shrink-0 text-slate-500" aria-hidden />
                      {label}
                    </Command.Item>
                  ))}
                </Command.Group>
              )}
            </Command.List>
          </Command>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function HitItem({ hit, onSelect }: { hit: SearchHit; onSelect: () => void }) {
  const Icon = KIND[hit.kind].icon;
  return (
    <Command.Item value={`${hit.kind}:${hit.id}`} onSelect={onSelect} className={itemClass} data-testid="palette-hit">
      <Icon className="size-4 shrink-0 text-slate-500" aria-hidden />
      <span className="truncate font-medium">{hit.label}</span>
      {hit.detail && <span className="truncate text-xs text-slate-600">{hit.detail}</span>}
    </Command.Item>
  );
}
