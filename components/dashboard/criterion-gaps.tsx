import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/data-table";
import { TipTarget, Tooltip } from "@/components/ui/tooltip";
import type { GapKind } from "@/lib/qualification";
import type { CriterionGaps } from "@/lib/server/dashboard/summarize";
import { cn } from "@/lib/utils";

/** Worst first: a "no" is knowledge that hurts, stale evidence was once known, unknown was never asked. */
const KINDS: Array<{ kind: GapKind; label: string; short: string; color: string }> = [
  { kind: "negative", label: "Negative", short: "Negative", color: "bg-rose-500" },
  { kind: "stale", label: "Stale", short: "Stale", color: "bg-amber-400" },
  { kind: "unknown", label: "Unknown", short: "Unknown", color: "bg-slate-300" },
  { kind: "unverified", label: "Claimed, not verified", short: "Claimed", color: "bg-sky-300" },
];

/** Per framework criterion, on how many open deals it is not verified-and-fresh, and why: where the team is weakest. */
export function CriterionGapsTable({ gaps }: { gaps: CriterionGaps[] }) {
  return (
    <>
      <div className="flex flex-wrap gap-x-4 gap-y-1 px-5 pt-3 text-xs text-slate-500" aria-hidden>
        {KINDS.map((k) => (
          <span key={k.kind} className="inline-flex items-center gap-1.5">
            <span className={cn("size-2 rounded-sm", k.color)} />
            {k.label}
          </span>
        ))}
        <span className="inline-flex items-center gap-1.5">
          <span className="size-2 rounded-sm bg-emerald-100 ring-1 ring-emerald-200" />
          Verified and fresh
        </span>
      </div>
      <Table data-testid="gaps-table">
        <thead>
          <tr>
            <Th>Criterion</Th>
            <Th className="w-full">Open deals with a gap</Th>
            {KINDS.map((k) => (
              <Th key={k.kind} className="px-3 text-right">
                {k.short === k.label ? (
                  k.label
                ) : (
                  <Tooltip content={k.label}>
                    <TipTarget className="uppercase">{k.short}</TipTarget>
                  </Tooltip>
                )}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {gaps.map((g) => (
            <tr key={g.criterionId} data-testid={`gap-${g.criterionId}`}>
              <Td className="py-2">
                {g.pipelineName && <span className="text-slate-500">{g.pipelineName} · </span>}
                <span className="font-medium text-slate-800">{g.label}</span>
                {g.knockout && (
                  <Badge tone="neutral" className="ml-1.5 px-1.5 py-0 text-[10px]">
                    must-have
                  </Badge>
                )}
              </Td>
              <Td className="py-2">
                <div
                  className="flex h-2 min-w-24 overflow-hidden rounded-full bg-emerald-100"
                  role="img"
                  aria-label={`${g.total} of ${g.openCount} open deals: ${KINDS.map((k) => `${g.counts[k.kind]} ${k.label.toLowerCase()}`).join(", ")}`}
                >
                  {g.openCount > 0 &&
                    KINDS.map(
                      (k) =>
                        g.counts[k.kind] > 0 && (
                          <div key={k.kind} className={k.color} style={{ width: `${(100 * g.counts[k.kind]) / g.openCount}%` }} />
                        ),
                    )}
                </div>
              </Td>
              {KINDS.map((k) => (
                <Td key={k.kind} className={cn("px-3 py-2 text-right tabular-nums", g.counts[k.kind] === 0 && "text-slate-300")}>
                  {g.counts[k.kind]}
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
