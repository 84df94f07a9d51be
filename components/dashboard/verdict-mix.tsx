import type { VerdictKind } from "@/lib/qualification";
import { cn } from "@/lib/utils";
import { VERDICT_LABEL } from "@/lib/vocabulary";

const VERDICTS: Array<{ kind: VerdictKind; label: string; bar: string; dot: string }> = [
  { kind: "pursue", label: VERDICT_LABEL.pursue, bar: "bg-emerald-500", dot: "bg-emerald-500" },
  { kind: "unproven", label: VERDICT_LABEL.unproven, bar: "bg-indigo-500", dot: "bg-indigo-500" },
  { kind: "nurture", label: VERDICT_LABEL.nurture, bar: "bg-amber-400", dot: "bg-amber-400" },
  { kind: "disqualify", label: VERDICT_LABEL.disqualify, bar: "bg-rose-500", dot: "bg-rose-500" },
];

const share = (n: number, total: number) => (total === 0 ? 0 : Math.round((100 * n) / total));

/** The share of open deals the engine says to pursue, prove, park or drop, as one stacked bar and a legend. */
export function VerdictMix({ verdicts }: { verdicts: Record<VerdictKind, number> }) {
  const total = VERDICTS.reduce((sum, v) => sum + verdicts[v.kind], 0);
  return (
    <div className="mt-3">
      <div
        className="flex h-2.5 overflow-hidden rounded-full bg-slate-100"
        role="img"
        aria-label={VERDICTS.map((v) => `${v.label} ${share(verdicts[v.kind], total)}%`).join(", ")}
      >
        {VERDICTS.map(
          (v) => verdicts[v.kind] > 0 && <div key={v.kind} className={v.bar} style={{ width: `${(100 * verdicts[v.kind]) / total}%` }} />,
        )}
      </div>
      <ul className="mt-3 space-y-1 text-sm">
        {VERDICTS.map((v) => (
          <li key={v.kind} className="flex items-center justify-between gap-2" data-testid={`verdict-${v.kind}`}>
            <span className="flex items-center gap-2 text-slate-600">
              <span className={cn("size-2 rounded-full", v.dot)} aria-hidden />
              {v.label}
            </span>
            <span className="tabular-nums text-slate-900">
              <span className="font-semibold">{share(verdicts[v.kind], total)}%</span>
              <span className="ml-1.5 text-xs text-slate-500">({verdicts[v.kind]})</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
