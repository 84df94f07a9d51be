"use client";

import { ChevronsUpDown } from "lucide-react";
import dynamic from "next/dynamic";
import { useId, useRef, useState } from "react";
import type { SearchKind } from "@/lib/search";
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

const loadPopup = () => import("./combobox-popup").then((m) => m.ComboboxPopup);
// The popover, search box and list (Radix Popover, Floating UI, cmdk) come on the first open, or as the pointer or
// focus reaches the button: a form of pickers should not carry them in its first load.
const ComboboxPopup = dynamic(loadPopup, { ssr: false });
const preload = () => void loadPopup().catch(() => undefined);

/**
 * A picker with search, in place of a long native `<select>`: a button (`role="combobox"`) opens a popover
 * whose search box filters a small set here or searches a large one on the server, all by keyboard (arrows,
 * Enter, Escape) and announced as a listbox. With `freeText` it suggests values but accepts any text.
 */
export function Combobox(props: Props) {
  const { id, name, value, onChange, onBlur, options = [], placeholder, freeText } = props;
  const [open, setOpen] = useState(false);
  // Mounted from the first open on, so later opens and closes are the popover's own (focus, Escape, outside press).
  const [used, setUsed] = useState(false);
  // A record found by a server search is not among `options`: remember how to show it once picked.
  const [picked, setPicked] = useState<ComboboxOption | null>(null);
  const listId = useId();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const current =
    options.find((o) => o.value === value)?.label ??
    (picked?.value === value ? picked.label : undefined) ??
    props.selectedLabel ??
    (freeText ? value : "");

  function changeOpen(next: boolean) {
    setOpen(next);
    if (next) setUsed(true);
    else onBlur?.();
  }

  return (
    <>
      <button
        ref={triggerRef}
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
        data-state={open ? "open" : "closed"}
        onClick={() => changeOpen(!open)}
        onPointerEnter={preload}
        onFocus={preload}
        className={cn(
          "flex w-full items-center justify-between gap-2 rounded-md bg-white px-3 py-2 text-left text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600 focus:outline-none aria-[invalid=true]:ring-rose-500",
          props.className,
        )}
        data-testid={`combobox-${name}`}
      >
        <span className={cn("truncate", current ? "text-slate-900" : "text-slate-500")}>{current || placeholder}</span>
        <ChevronsUpDown className="size-4 shrink-0 text-slate-500" aria-hidden />
      </button>
      {used && (
        <ComboboxPopup
          open={open}
          onOpenChange={changeOpen}
          triggerRef={triggerRef}
          listId={listId}
          name={name}
          searchLabel={props.searchLabel}
          value={value}
          options={options}
          search={props.search}
          freeText={freeText}
          clearLabel={props.clearLabel}
          onChoose={(next, option) => {
            setPicked(option);
            onChange(next);
            setOpen(false);
          }}
        />
      )}
    </>
  );
}
