import { FitPanel } from "@/components/qualification/fit-panel";
import { scoreTone, VERDICT_LABEL, VERDICT_TONE } from "@/components/qualification/labels";
import { Badge } from "@/components/ui/badge";
import { asVerdictKind, type FitResult } from "@/lib/qualification";
import { TipTarget, Tooltip } from "@/components/ui/tooltip";

/** An account's stored fit and what the ICP alone says about it, compact for a table row. */
export function AccountFitBadge({ stored }: { stored: { fit: number; verdict: string; pending: boolean } | null }) {
  if (!stored) return <span className="text-slate-500">—</span>;
  const verdict = asVerdictKind(stored.verdict);
  return (
    <span className="inline-flex items-center gap-1.5" data-testid="account-fit">
      <Badge tone={scoreTone(stored.fit)}>{stored.fit}</Badge>
      <Badge tone={VERDICT_TONE[verdict]}>{VERDICT_LABEL[verdict]}</Badge>
      {stored.pending && (
        <Tooltip content="Being re-scored after an ICP change">
          <TipTarget className="text-xs text-slate-500">re-scoring…</TipTarget>
        </Tooltip>
      )}
    </span>
  );
}

/** The account page's fit: score, verdict and each ICP rule's contribution, from the stored account assessment. */
export function AccountFitSummary({
  stored,
  fit,
}: {
  stored: { fit: number; verdict: string; pending: boolean; icpVersion: number } | null;
  fit: FitResult | null;
}) {
  if (!stored || !fit)
    return <p className="text-sm text-slate-500">Not scored yet: the fit appears once the background scoring reaches this account.</p>;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-2xl font-semibold tabular-nums text-slate-900">{stored.fit}</span>
        <span className="text-sm text-slate-500">/ 100 · best case {fit.potential}</span>
        <AccountFitBadge stored={stored} />
      </div>
      {stored.icpVersion > 0 && <p className="text-xs text-slate-500">Against ICP version {stored.icpVersion}</p>}
      <FitPanel fit={fit} />
    </div>
  );
}
