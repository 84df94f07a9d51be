import Link from "next/link";
import type { ReactNode } from "react";

/** A list's filters as a plain GET form: the state lands in the URL, where the server reads it. */
export function FilterBar({ children, clearHref, showClear, submitLabel = "Filter" }: { children: ReactNode; clearHref: string; showClear: boolean; submitLabel?: string }) {
  return (
    <form className="flex flex-wrap gap-2 border-b border-slate-100 p-3" role="search">
      {children}
      <button className="rounded-md bg-slate-800 px-3 text-sm font-medium text-white hover:bg-slate-700">{submitLabel}</button>
      {showClear && <Link href={clearHref} className="self-center text-sm text-slate-500 hover:text-slate-800">Clear</Link>}
    </form>
  );
}
