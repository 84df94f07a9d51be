import { AlertTriangle, Siren } from "lucide-react";
import type { Flag } from "@/lib/qualification";

export function FlagsList({ flags }: { flags: Flag[] }) {
  if (flags.length === 0) return <p className="text-sm text-slate-500">No re-qualification flags. The deal is current.</p>;
  return (
    <ul className="space-y-2" data-testid="flags">
      {flags.map((flag) => {
        const critical = flag.severity === "critical";
        const Icon = critical ? Siren : AlertTriangle;
        return (
          <li key={`${flag.kind}-${flag.text}`} className="flex items-start gap-2 text-sm">
            <Icon
              className={critical ? "mt-0.5 size-4 shrink-0 text-rose-600" : "mt-0.5 size-4 shrink-0 text-amber-500"}
              role="img"
              aria-label={flag.severity}
            />
            <span className="text-slate-800">{flag.text}</span>
          </li>
        );
      })}
    </ul>
  );
}
