"use client";

import * as Popover from "@radix-ui/react-popover";
import { Command } from "cmdk";
import { Check, ChevronsUpDown } from "lucide-react";
import { useId, useState, type ReactNode } from "react";
import { useRecordSearch } from "@/components/command/use-record-search";
import { MIN_QUERY, type SearchKind } from "@/lib/search";
import { cn } from "@/lib/utils";

export interface ComboboxOption {
  value: string;
  label: string;
  detail?: string | null;
}

interface Props {
  /** The trigger's id: the Field's `<label htmlFor>` names it. */
  id: string;
  /** The form field it stands for (the error summary finds the control by it). */
  name: string;
  /** Spoken as the search box's name inside the popup ("Search accounts"). */
  searchLabel: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** A small set, filtered here as the user types. */
  options?: readonly ComboboxOption[];
  /** A large set, searched on the server (`/api/search?kind=`): only matches ever reach the browser. */
  search?: SearchKind;
  /** How to show the current value when it is not among `options` (a record found by an earlier search). */
  selectedLabel?: string | undefined;
  placeholder: string;
  /** Free entry: the value is the text itself and the options are suggestions. */
  freeText?: boolean;
  /** Offers an item that empties the value, with this label ("No region"). */
  clearLabel?: string;
  /** For a picker without a visible `<label>` (a compact row). */
  "aria-label"?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  className?: string;
}

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-2 text-sm text-slate-800 data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-900";
const noteClass = "px-2.5 py-3 text-sm text-slate-600";

/** Substring match on the label and detail: predictable for names, unlike a fuzzy score. */
const contains = (_value: string, search: string, keywords?: string[]) =>
  (keywords ?? []).join(" ").toLowerCase().includes(search.trim().toLowerCase()) ? 1 : 0;

/**
 * A picker with search, in place of a long native `<select>`: a button (`role="combobox"`) opens a popover
 * whose search box filters a small set here or searches a large one on the server, all by keyboard (arrows,
 * Enter, Escape) and announced as a listbox. With `freeText` it suggests values but accepts any text.
 */
export function Combobox(props: Props) {
  const { id, name, value, onChange, onBlur, options = [], search, placeholder, freeText, clearLabel } = props;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  // A record found by a server search is not among `options`: remember how to show it once picked.
  const [picked, setPicked] = useState<ComboboxOption | null>(null);
  const listId = useId();
  const remote = useRecordSearch(search && open ? query : "", search);
  const shown: readonly ComboboxOption[] = search ? remote.hits.map((hit) => ({ value: hit.id, label: hit.label, detail: hit.detail })) : options;
  const current =
    options.find((o) => o.value === value)?.label ??
    (picked?.value === value ? picked.label : undefined) ??
    props.selectedLabel ??
    (freeText ? value : "");
  const typed = query.trim();
  const offerTyped = freeText && typed !== "" && !options.some((o) => o.value.toLowerCase() === typed.toLowerCase());

  function choose(next: string, option: ComboboxOption | null = null) {
    setPicked(option);
    onChange(next);
    setOpen(false);
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
        setOpen(next);
        if (!next) {
          setQuery("");
          onBlur?.();
        }
      }}
    >
      <Popover.Trigger asChild>
        <button
          type="button"
          id={id}
          name={name}
          role="combobox"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-haspopup="listbox"
          aria-label={props["aria-label"]}
          aria-invalid={props["aria-invalid"]}
          aria-describedby={props["aria-describedby"]}
          className={cn(
            "flex w-full items-center justify-between gap-2 rounded-md bg-white px-3 py-2 text-left text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600 focus:outline-none aria-[invalid=true]:ring-rose-500",
            props.className,
          )}
          data-testid={`combobox-${name}`}
        >
          <span className={cn("truncate", current ? "text-slate-900" : "text-slate-500")}>{current || placeholder}</span>
          <ChevronsUpDown className="size-4 shrink-0 text-slate-500" aria-hidden />
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={4}
          aria-label={props.searchLabel}
          className="z-50 w-[max(var(--radix-popover-trigger-width),16rem)] max-w-[calc(100vw-2rem)] overflow-hidden rounded-md bg-white shadow-lg ring-1 ring-slate-200"
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
