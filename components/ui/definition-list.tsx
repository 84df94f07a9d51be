import type { ReactNode } from "react";

export function DefinitionList({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm sm:grid-cols-3">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt className="text-xs font-medium text-slate-500">{term}</dt>
          <dd className="mt-0.5 text-slate-900">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
