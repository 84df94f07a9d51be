import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import { VERDICT_TONE } from "@/components/qualification/labels";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { TipTarget, Tooltip } from "@/components/ui/tooltip";
import type { RiskLevel, RiskRow } from "@/lib/server/dashboard/risk-list";
import { cn, formatMoney } from "@/lib/utils";
import { labelOf, noun, VERDICT_LABEL } from "@/lib/vocabulary";

const LEVEL: Record<RiskLevel, { label: string; tone: "bad" | "warn" | "info" }> = {
  critical: { label: "Critical", tone: "bad" },
  warning: { label: "Warning", tone: "warn" },
  blocked: { label: "Gate blocked", tone: "info" },
};

/** Shown per row before "+N more": enough to act on, short enough to scan a list of deals. */
const FLAGS_SHOWN = 3;

function Reasons({ risk }: { risk: RiskRow }) {
  const more = risk.flags.length - FLAGS_SHOWN;
  return (
    <ul className="space-y-1 whitespace-normal text-xs leading-5">
      {risk.verdictReason && (
        <li className="flex gap-2">
          <Badge tone={VERDICT_TONE[risk.verdict]} className="shrink-0 self-start">
            {labelOf(VERDICT_LABEL, risk.verdict)}
          </Badge>
          <span className="text-slate-700">{risk.verdictReason}</span>
        </li>
      )}
      {risk.flags.slice(0, FLAGS_SHOWN).map((f, i) => (
        <li key={i} className="flex gap-2">
          <span className={cn("mt-1.5 size-1.5 shrink-0 rounded-full", f.severity === "critical" ? "bg-rose-500" : "bg-amber-400")} aria-hidden />
          <span className="text-slate-700">
            <span className="sr-only">{f.severity === "critical" ? "Critical: " : "Warning: "}</span>
            {f.text}
          </span>
        </li>
      ))}
      {more > 0 && (
        <li className="pl-3.5 text-slate-500">
          +{more} more {noun(more, "flag")}
        </li>
      )}
      {risk.wishcasting && (
        <li className="flex gap-2 text-amber-900" data-testid="risk-wishcasting">
          <Tooltip
            content={`The adjusted forecast counts this deal at ${risk.wishcasting.evidenceProbability}%, not at the rep's ${risk.wishcasting.repConfidence}%`}
          >
            <TipTarget className="shrink-0 self-start font-medium">Wishcasting:</TipTarget>
          </Tooltip>
          <span>
            rep says {risk.wishcasting.repConfidence}%, evidence supports {risk.wishcasting.evidenceProbability}% because{" "}
            {risk.wishcasting.because.join("; ")}
          </span>
        </li>
      )}
      {risk.gate && (
        <li className="flex gap-2 text-slate-600">
          <span className="shrink-0 font-medium text-indigo-700">To {risk.gate.toStageLabel}:</span>
          <span>
            {risk.gate.blockers[0]}
            {risk.gate.blockers.length > 1 && <span className="text-slate-500"> (+{risk.gate.blockers.length - 1} more)</span>}
          </span>
        </li>
      )}
    </ul>
  );
}

/** One page of the risk list; paging and filtering happen on the server. */
export function RiskList({ risks, currency, filtered }: { risks: RiskRow[]; currency: string; filtered: boolean }) {
  if (risks.length === 0) {
    return filtered ? (
      <EmptyState icon={ShieldCheck} title="No deals at risk match these filters" description="Try another severity, flag, stage or verdict." />
    ) : (
      <EmptyState
        icon={ShieldCheck}
        title="No deals at risk"
        description="No open deal has a re-qualification flag, a nurture or disqualify verdict, or a blocked next gate."
      />
    );
  }
  return (
    <Table data-testid="risk-table">
      <thead className="bg-slate-50">
        <tr>
          <Th>Deal</Th>
          <Th>Severity</Th>
          <Th>Why</Th>
          <Th>Owner</Th>
          <Th className="text-right">Amount</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 bg-white">
        {risks.map((r) => (
          <tr key={r.id} className="align-top hover:bg-slate-50" data-testid="risk-row">
            <Td className="max-w-64 whitespace-normal">
              <Link href={`/opportunities/${r.id}`} className="font-medium text-slate-900 hover:text-indigo-600">
                {r.name}
              </Link>
              <div className="text-xs text-slate-500">
                {r.accountName} · {r.stageLabel}
              </div>
            </Td>
            <Td>
              <Badge tone={LEVEL[r.level].tone}>{LEVEL[r.level].label}</Badge>
              {r.pending && (
                <div className="mt-1">
                  <Tooltip content="Being re-scored after a settings change">
                    <TipTarget className="text-xs text-slate-500">Re-scoring…</TipTarget>
                  </Tooltip>
                </div>
              )}
            </Td>
            <Td className="min-w-80">
              <Reasons risk={r} />
            </Td>
            <Td>{r.ownerName}</Td>
            <Td className="text-right tabular-nums">{formatMoney(r.amount, r.currency || currency)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
