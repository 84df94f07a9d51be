"use client";

import * as Popover from "@radix-ui/react-popover";
import { Command } from "cmdk";
import { Check } from "lucide-react";
import { useRef, useState, type ReactNode, type RefObject } from "react";
import { useRecordSearch } from "@/components/command/use-record-search";
import { MIN_QUERY, type SearchKind } from "@/lib/search";
import { cn } from "@/lib/utils";
import type { ComboboxOption } from "./combobox";

export interface ComboboxPopupProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The combobox's button: the popover sits under it and focus goes back to it on close. */
  triggerRef: RefObject<HTMLButtonElement | null>;
  listId: string;
  name: string;
  searchLabel: string;
  value: string;
  options: readonly ComboboxOption[];
  search?: SearchKind | undefined;
  freeText?: boolean | undefined;
  clearLabel?: string | undefined;
  onChoose: (value: string, option: ComboboxOption | null) => void;
}

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-2 text-sm text-slate-800 data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-900";
const noteClass = "px-2.5 py-3 text-sm text-slate-600";

/** Substring match on the label and detail: predictable for names, unlike a fuzzy score. */
const contains = (_value: string, search: string, keywords?: string[]) =>
  (keywords ?? []).join(" ").toLowerCase().includes(search.trim().toLowerCase()) ? 1 : 0;

/**
 * The combobox's popover: a search box that filters a small set here or searches a large one on the server, and
 * the listbox (cmdk) under it. Loaded on the first open (see `Combobox`), then kept mounted; it behaves as Radix's
 * non-modal popover with a trigger does: Escape and a press outside close it, and focus returns to the button
 * unless the user moved it elsewhere.
 */
export function ComboboxPopup(props: ComboboxPopupProps) {
  const { open, onOpenChange, triggerRef, listId, name, value, options, search, freeText, clearLabel } = props;
  const [query, setQuery] = useState("");
  const interactedOutside = useRef(false);
  const remote = useRecordSearch(search && open ? query : "", search);
  const shown: readonly ComboboxOption[] = search ? remote.hits.map((hit) => ({ value: hit.id, label: hit.label, detail: hit.detail })) : options;
  const typed = query.trim();
  const offerTyped = freeText && typed !== "" && !options.some((o) => o.value.toLowerCase() === typed.toLowerCase());

  function choose(next: string, option: ComboboxOption | null = null) {
    props.onChoose(next, option);
    setQuery("");
  }

  let note: ReactNode = null;
  if (search && typed.length < MIN_QUERY) note = <p className={noteClass}>Type {MIN_QUERY} or more letters to search.</p>;
  else if (search && remote.loading)
    note = (
      <Command.Loading>
        <p className={noteClass}>Searching…</p>
      </Command.Loading>
    );
  else if (search && remote.failed) note = <p className={noteClass}>Search failed; try again.</p>;

  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setQuery("");
      }}
    >
      <Popover.Anchor virtualRef={triggerRef} />
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={4}
          aria-label={props.searchLabel}
          className="z-50 w-[max(var(--radix-popover-trigger-width),16rem)] max-w-[calc(100vw-2rem)] overflow-hidden rounded-md bg-white shadow-lg ring-1 ring-slate-200"
          // What Radix does for its own trigger, which this popover does not own: a press on the button is the
          // button's (it toggles), and focus returns to it unless the user went elsewhere.
          onInteractOutside={(event) => {
            if (triggerRef.current?.contains(event.target as Node)) event.preventDefault();
            else interactedOutside.current = true;
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (!interactedOutside.current) triggerRef.current?.focus();
            interactedOutside.current = false;
          }}
        >
          <Command shouldFilter={!search} filter={contains} loop>
            <Command.Input
              value={query}
              onValueChange={setQuery}
              aria-label={props.searchLabel}
              placeholder={freeText ? "Type or pick…" : "Search…"}
              className="h-10 w-full border-b border-slate-200 bg-transparent px-3 text-sm text-slate-900 outline-none placeholder:text-slate-500"
            />
            <Command.List id={listId} className="max-h-64 overflow-y-auto p-1" data-testid={`combobox-${name}-list`}>
              {note}
              {!note && !offerTyped && <Command.Empty className={noteClass}>No matches.</Command.Empty>}
              {/* Free entry first: Enter keeps what was typed; a close suggestion is one arrow key away. */}
              {offerTyped && (
                <Command.Item value={`typed:${typed}`} keywords={[typed]} onSelect={() => choose(typed)} className={itemClass}>
                  <span className="size-4 shrink-0" aria-hidden />
                  Use “{typed}”
                </Command.Item>
              )}
              {shown.map((option) => (
                <Command.Item
                  key={option.value}
                  value={option.value}
                  keywords={[option.label, option.detail ?? ""]}
                  onSelect={() => choose(option.value, option)}
                  className={itemClass}
                >
                  <Check className={cn("size-4 shrink-0", option.value === value ? "text-indigo-600" : "invisible")} aria-hidden />
                  <span className="truncate">{option.label}</span>
                  {option.detail && <span className="truncate text-xs text-slate-600">{option.detail}</span>}
                </Command.Item>
              ))}
              {clearLabel && value !== "" && typed === "" && (
                <Command.Item value="clear:" keywords={[clearLabel]} onSelect={() => choose("")} className={itemClass}>
                  <span className="size-4 shrink-0" aria-hidden />
                  {clearLabel}
                </Command.Item>
              )}
            </Command.List>
          </Command>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
