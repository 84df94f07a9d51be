"use client";

import { useRef, useState } from "react";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";

/**
 * A searchable pick inside a list's GET filter form, in place of a long native `<select>` of people: the choice
 * travels in a hidden input under `name`, and picking submits the form at once (the FilterBar applies it through
 * the URL; a plain form navigates). Without JavaScript the current value still goes with the form.
 */
export function FilterCombobox({
  id,
  name,
  label,
  searchLabel,
  options,
  value,
  placeholder,
  className,
}: {
  id: string;
  name: string;
  /** The trigger's accessible name ("Owner"), for a filter row without visible labels. */
  label?: string;
  searchLabel: string;
  options: readonly ComboboxOption[];
  value: string;
  placeholder: string;
  className?: string;
}) {
  const hidden = useRef<HTMLInputElement>(null);
  const [current, setCurrent] = useState(value);
  const [seen, setSeen] = useState(value);
  // The URL moved (back/forward, Clear, a saved view): the page's value wins over the last pick.
  if (seen !== value) {
    setSeen(value);
    setCurrent(value);
  }
  return (
    <>
      <input ref={hidden} type="hidden" name={name} value={current} />
      <Combobox
        id={id}
        name={name}
        searchLabel={searchLabel}
        options={options}
        value={current}
        placeholder={placeholder}
        onChange={(next) => {
          setCurrent(next);
          const input = hidden.current;
          if (!input) return;
          // Set the DOM value now: the form is read before React renders the new state.
          input.value = next;
          input.form?.requestSubmit();
        }}
        {...(label && { "aria-label": label })}
        {...(className && { className })}
      />
    </>
  );
}
