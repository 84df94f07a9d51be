"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";

const TYPING_PAUSE_MS = 350;
/** Keys that point into the old result (cursors); a new filter starts from the first page. */
const CURSOR_KEYS = ["after", "before", "page"];

/**
 * A list's filters, applied as they change: a pick at once, typed text after a pause. The state lives in the URL
 * (sort, hidden columns and other keys the form does not hold are kept), so back/forward, links and saved views
 * all work. Without JavaScript it is still a plain GET form that Enter submits.
 */
export function FilterBar({ children, clearHref, showClear }: { children: ReactNode; clearHref: string; showClear: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const applied = useRef(search.toString());
  const [generation, setGeneration] = useState(0);

  // The URL moved without us (back/forward, a saved view, Clear): the uncontrolled fields take its values again.
  useEffect(() => {
    if (search.toString() !== applied.current) {
      applied.current = search.toString();
      setGeneration((g) => g + 1);
    }
  }, [search]);
  // A link followed while typed text waits for its pause must win: otherwise the pending filter would fire during
  // that navigation and pull the user back to this list.
  useEffect(() => {
    const cancelOnLink = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest("a[href]")) clearTimeout(timer.current);
    };
    document.addEventListener("click", cancelOnLink, true);
    return () => {
      document.removeEventListener("click", cancelOnLink, true);
      clearTimeout(timer.current);
    };
  }, []);

  function apply() {
    clearTimeout(timer.current);
    const form = formRef.current;
    if (!form) return;
    const params = new URLSearchParams(search.toString());
    for (const key of CURSOR_KEYS) params.delete(key);
    const data = new FormData(form);
    for (const key of new Set(data.keys())) params.delete(key);
    for (const [key, value] of data) if (typeof value === "string" && value.trim() !== "") params.set(key, value.trim());
    const query = params.toString();
    if (query === search.toString()) return;
    applied.current = query;
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  function onChange(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    clearTimeout(timer.current);
    if (target instanceof HTMLInputElement && (target.type === "text" || target.type === "search" || target.type === "")) {
      timer.current = setTimeout(apply, TYPING_PAUSE_MS);
    } else {
      apply();
    }
  }

  return (
    <form
      key={generation}
      ref={formRef}
      className="flex flex-wrap items-center gap-2 border-b border-slate-100 p-3"
      role="search"
      onChange={onChange}
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      data-testid="filter-bar"
    >
      {children}
      {showClear && (
        <Link href={clearHref} className="self-center text-sm text-slate-600 hover:text-slate-900">
          Clear
        </Link>
      )}
    </form>
  );
}
