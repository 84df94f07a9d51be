import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";
import { noun as nounFor, type Noun } from "@/lib/vocabulary";
import { ScrollRegion } from "./scroll-region";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The current URL's query with some keys replaced; list state lives in the URL so it survives reloads and links. */
export function withParams(path: string, current: SearchParams, changes: Record<string, string | number | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(current)) {
    if (typeof value === "string" && value !== "") params.set(key, value);
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") params.delete(key);
    else params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * A small static table (settings, dashboard panels); record lists use DataTable (data-table-view.tsx). When it is wider than its box (a phone) it scrolls inside it, with the first column (the
 * record's name) kept in view; `label` names the scroll region for screen readers.
 */
export function Table({ className, label = "Table", ...props }: ComponentProps<"table"> & { label?: string }) {
  return (
    <ScrollRegion label={label}>
      <table className={cn("data-table min-w-full divide-y divide-slate-200 text-sm", className)} {...props} />
    </ScrollRegion>
  );
}

export function Th({ className, ...props }: ComponentProps<"th">) {
  return (
    <th scope="col" className={cn("px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500", className)} {...props} />
  );
}

export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("whitespace-nowrap px-4 py-3 text-slate-700", className)} {...props} />;
}

/** Previous/next by keyset cursor, with the list's size counted only up to a bound ("1000+"). */
export function Pagination({
  path,
  params,
  next,
  previous,
  total,
  noun,
}: {
  path: string;
  params: SearchParams;
  next: string | null;
  previous: string | null;
  total: { count: number; atLeast: boolean };
  noun: Noun;
}) {
  return (
    <nav className="flex items-center justify-between border-t border-slate-100 px-4 py-3 text-sm text-slate-600" aria-label="Pagination">
      <span data-testid="list-total">
        {total.count.toLocaleString("en-US")}
        {total.atLeast ? "+" : ""} {nounFor(total.atLeast ? 2 : total.count, noun)}
      </span>
      <div className="flex items-center gap-2">
        <PageLink disabled={!previous} href={withParams(path, params, { before: previous, after: null, page: null })}>
          Previous
        </PageLink>
        <PageLink disabled={!next} href={withParams(path, params, { after: next, before: null, page: null })}>
          Next
        </PageLink>
      </div>
    </nav>
  );
}

function PageLink({ disabled, href, children }: { disabled: boolean; href: string; children: ReactNode }) {
  const style = "rounded-md px-2.5 py-1 ring-1 ring-inset ring-slate-300";
  return disabled ? (
    <span className={cn(style, "opacity-40")} aria-disabled>
      {children}
    </span>
  ) : (
    <Link href={href} className={cn(style, "hover:bg-slate-50")}>
      {children}
    </Link>
  );
}
