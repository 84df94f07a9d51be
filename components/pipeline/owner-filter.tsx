import Link from "next/link";
import type { BoardParams } from "@/lib/server/pipeline/board";
import { cn } from "@/lib/utils";

const OPTIONS: Array<{ value: BoardParams["owner"]; label: string }> = [
  { value: "all", label: "Everyone" },
  { value: "me", label: "My deals" },
];

/** Whose deals the board shows; kept in the URL so a filtered board can be reloaded and shared. */
export function OwnerFilter({ owner }: { owner: BoardParams["owner"] }) {
  return (
    <nav aria-label="Whose deals" className="inline-flex rounded-md bg-white p-0.5 shadow-sm ring-1 ring-slate-300">
      {OPTIONS.map((o) => (
        <Link
          key={o.value}
          href={o.value === "all" ? "/pipeline" : `/pipeline?owner=${o.value}`}
          aria-current={owner === o.value ? "page" : undefined}
          className={cn("rounded px-3 py-1 text-sm font-medium", owner === o.value ? "bg-slate-800 text-white" : "text-slate-600 hover:bg-slate-100")}
        >
          {o.label}
        </Link>
      ))}
    </nav>
  );
}
