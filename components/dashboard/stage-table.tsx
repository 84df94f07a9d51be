import { Table, Td, Th } from "@/components/ui/data-table";
import type { StageTotals } from "@/lib/server/dashboard/summarize";
import { cn, formatMoney } from "@/lib/utils";

/** The chart's numbers exactly, per stage and in total: a chart is for shape, this is for reading values. */
export function StageTable({ stages, currency }: { stages: StageTotals[]; currency: string }) {
  const total = stages.reduce(
    (t, s) => ({ count: t.count + s.count, amount: t.amount + s.amount, raw: t.raw + s.raw, adjusted: t.adjusted + s.adjusted }),
    { count: 0, amount: 0, raw: 0, adjusted: 0 },
  );
  const rows = [
    ...stages.map((s) => ({ key: s.stageId, ...s, isTotal: false })),
    { key: "total", label: "Total", pipelineName: null, ...total, isTotal: true },
  ];
  return (
    <Table data-testid="stage-table">
      <thead className="bg-slate-50">
        <tr>
          <Th>Stage</Th>
          <Th className="text-right">Deals</Th>
          <Th className="text-right">Amount</Th>
          <Th className="text-right">Raw</Th>
          <Th className="text-right">Adjusted</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 bg-white">
        {rows.map((r) => (
          <tr key={r.key} className={cn(r.isTotal && "bg-slate-50 font-semibold")} data-testid={`stage-row-${r.key}`}>
            <Td className={cn(r.isTotal ? "text-slate-900" : "text-slate-700")}>
              {r.pipelineName && <span className="text-slate-500">{r.pipelineName} · </span>}
              {r.label}
            </Td>
            <Td className="text-right tabular-nums">{r.count}</Td>
            <Td className="text-right tabular-nums">{formatMoney(r.amount, currency)}</Td>
            <Td className="text-right tabular-nums">{formatMoney(r.raw, currency)}</Td>
            <Td className={cn("text-right tabular-nums", r.adjusted < r.raw ? "text-rose-700" : r.adjusted > r.raw ? "text-emerald-700" : "")}>
              {formatMoney(r.adjusted, currency)}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
