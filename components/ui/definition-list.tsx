import type { ReactNode } from "react";

/**
 * Terms and values in a grid whose columns follow the width of the card it sits in, not the window's: three
 * side by side only where the card is wide enough (a side card at 1440 px has two, so values are not squeezed
 * into a third of it).
 */
export function DefinitionList({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <div className="@container">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm @md:grid-cols-3">
        {items.map(([term, value]) => (
          <div key={term} className="min-w-0">
            <dt className="text-xs font-medium text-slate-500">{term}</dt>
            <dd className="mt-0.5 break-words text-slate-900">{value ?? "—"}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
