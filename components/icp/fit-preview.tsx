import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { TipTarget, Tooltip } from "@/components/ui/tooltip";
import { Table, Td, Th } from "@/components/ui/data-table";
import type { FitBucket, FitPreview, PreviewRow } from "@/lib/server/icp/preview";

const BUCKETS: Record<FitBucket, { label: string; short: string; tone: "good" | "warn" | "bad"; bar: string }> = {
  pursue: { label: "Pursue", short: "Pursue", tone: "good", bar: "bg-emerald-500" },
  below: { label: "Below threshold", short: "Below", tone: "warn", bar: "bg-amber-400" },
  knocked_out: { label: "Knocked out", short: "Knocked out", tone: "bad", bar: "bg-rose-500" },
};

/** How the organization's accounts fall under an ICP: a bar per outcome, then the best and worst fits. */
export function FitPreviewView({ preview }: { preview: FitPreview }) {
  const { counts, scanned } = preview;
  if (scanned === 0) return <p className="text-sm text-slate-500">No accounts yet: add some to see how they fit.</p>;
  return (
    <div className="space-y-4" data-testid="fit-preview">
      <div className="flex h-2.5 overflow-hidden rounded-full bg-slate-100" aria-hidden>
        {(Object.keys(BUCKETS) as FitBucket[]).map((b) => (
          <div key={b} className={BUCKETS[b].bar} style={{ width: `${(100 * counts[b]) / scanned}%` }} />
        ))}
      </div>
      <dl className="grid grid-cols-3 gap-2 text-center">
        {(Object.keys(BUCKETS) as FitBucket[]).map((b) => (
          <div key={b} className="rounded-md bg-slate-50 px-2 py-2" data-testid={`count-${b}`}>
            <dt className="text-xs text-slate-500">{BUCKETS[b].label}</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900">{counts[b]}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-500">
        Of {scanned.toLocaleString("en-US")} accounts{preview.truncated ? " (a sample; there are more)" : ""}.
        {preview.underFloor > 0 && ` ${preview.underFloor} below threshold cannot reach the disqualify floor even with missing data filled in.`}
      </p>
      <PreviewTable title="Best fits" rows={preview.top} />
      {preview.bottom.length > 0 && <PreviewTable title="Weakest fits" rows={preview.bottom} />}
    </div>
  );
}

function PreviewTable({ title, rows }: { title: string; rows: PreviewRow[] }) {
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      <Table className="min-w-0 table-fixed">
        <colgroup>
          <col />
          <col className="w-16" />
          <col className="w-28" />
        </colgroup>
        <thead className="sr-only">
          <tr>
            <Th>Account</Th>
            <Th>Fit</Th>
            <Th>Outcome</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id}>
              <Td className="truncate px-2 py-1.5">
                <Link href={`/accounts/${r.id}`} className="hover:text-indigo-600">
                  {r.name}
                </Link>
              </Td>
              <Td className="px-2 py-1.5 text-right tabular-nums">
                {r.score}
                {r.potential > r.score && (
                  <Tooltip content={`Best case ${r.potential}, once the missing data is known`}>
                    <span className="text-xs text-slate-500">
                      {" "}
                      / {r.potential}
                      <span className="sr-only"> at best</span>
                    </span>
                  </Tooltip>
                )}
              </Td>
              <Td className="px-1 py-1.5 text-right">
                {r.knockouts.length > 0 ? (
                  <Tooltip content={`Missed: ${r.knockouts.join(", ")}`}>
                    <TipTarget>
                      <Badge tone={BUCKETS[r.bucket].tone}>{BUCKETS[r.bucket].short}</Badge>
                    </TipTarget>
                  </Tooltip>
                ) : (
                  <Badge tone={BUCKETS[r.bucket].tone}>{BUCKETS[r.bucket].short}</Badge>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
