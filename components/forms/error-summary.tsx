"use client";

import { AlertTriangle } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import type { FieldErrors } from "react-hook-form";
import { plural } from "@/lib/vocabulary";
import { flattenHookErrors, type PathMessage } from "./form-errors";

/** The control of a dotted path, or of its nearest ancestor (a list typed in one field holds its items' errors). */
function controlFor(form: HTMLFormElement | null, path: string): HTMLElement | null {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const name = parts.slice(0, n).join(".");
    const found = form?.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"], [id="${CSS.escape(name)}"]`);
    if (found) return found;
  }
  return null;
}

/**
 * A form's error summary. After a refused submit (`focusKey` changes to a truthy value: a count of refusals, or
 * the refusal itself) it takes focus, so keyboard and screen reader users land on what went wrong; each message
 * links to its field.
 */
export function ErrorSummary({ errors, focusKey, messages }: { errors?: FieldErrors; focusKey: unknown; messages?: PathMessage[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const items = messages ?? (errors ? flattenHookErrors(errors) : []);
  const shown = items.length > 0;
  useEffect(() => {
    if (focusKey && shown) ref.current?.focus();
  }, [focusKey, shown]);
  if (!shown) return null;
  const formLevel = items.filter((i) => i.path === "root" || i.path.startsWith("root."));
  const fields = items.filter((i) => !formLevel.includes(i));
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200 focus:outline-2 focus:outline-offset-2 focus:outline-rose-600"
      data-testid="error-summary"
    >
      <p id={titleId} className="flex items-start gap-2 font-medium">
        <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
        {formLevel[0]?.message ?? `Fix ${plural(fields.length, "field")} before saving:`}
      </p>
      {fields.length > 0 && (
        <ul className="mt-1 list-disc space-y-0.5 pl-10">
          {fields.map((item) => (
            <li key={item.path}>
              <a
                href={`#${item.path}`}
                className="underline underline-offset-2"
                onClick={(event) => {
                  event.preventDefault();
                  controlFor(event.currentTarget.closest("form"), item.path)?.focus();
                }}
              >
                {item.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
