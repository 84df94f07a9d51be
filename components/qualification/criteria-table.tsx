import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { CriterionScore } from "@/lib/qualification";
import { formatDate } from "@/lib/utils";
import { CriterionActions, type ProofContact } from "./criterion-actions";
import type { KnownHow } from "./known-how";
import { KnownHowBadge } from "./known-how-badge";
import { STATE_LABEL, STATE_TONE } from "./labels";

export interface LatestEvidence {
  excerpt: string;
  contactName: string | null;
}

/** Every framework criterion with its state (after freshness), how it is known, the latest evidence, and what it earns. */
export function CriteriaTable({
  opportunityId,
  criteria,
  latest,
  known,
  canRecord,
  contacts,
  proofHints,
}: {
  opportunityId: string;
  criteria: CriterionScore[];
  latest: Map<string, LatestEvidence>;
  known: Map<string, KnownHow>;
  canRecord: boolean;
  contacts: ProofContact[];
  proofHints: Map<string, string>;
}) {
  return (
    <ScrollRegion label="Qualification criteria">
      <table className="min-w-full text-sm" data-testid="criteria">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            <th className="py-2 pr-3 font-semibold">Criterion</th>
            <th className="py-2 pr-3 font-semibold">State</th>
            <th className="py-2 pr-3 font-semibold">How it is known</th>
            <th className="py-2 pr-3 font-semibold">Latest evidence</th>
            <th className="py-2 pr-3 text-right font-semibold">Points</th>
            {canRecord && (
              <th className="py-2">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {criteria.map((c) => {
            const evidence = latest.get(c.criterionId);
            const how = known.get(c.criterionId);
            return (
              <tr key={c.criterionId} data-testid={`criterion-${c.criterionId}`}>
                <td className="py-2 pr-3 align-top">
                  <div className="font-medium text-slate-900">{c.label}</div>
                  {c.knockout && <div className="text-[11px] text-slate-500">must-have</div>}
                </td>
                <td className="py-2 pr-3 align-top">
                  <Badge tone={STATE_TONE[c.effectiveState]} data-testid="criterion-state">
                    {STATE_LABEL[c.effectiveState]}
                  </Badge>
                </td>
                <td className="max-w-[14rem] py-2 pr-3 align-top">
                  {how ? <KnownHowBadge known={how} /> : <span className="text-slate-500">—</span>}
                </td>
                <td className="max-w-xs py-2 pr-3 align-top text-slate-600">
                  {evidence ? (
                    <>
                      <div className="line-clamp-2">“{evidence.excerpt}”</div>
                      <div className="text-xs text-slate-500">
                        {[evidence.contactName, c.lastEvidenceAt && formatDate(c.lastEvidenceAt)].filter(Boolean).join(" · ")}
                      </div>
                    </>
                  ) : (
                    <span className="text-slate-500">—</span>
                  )}
                </td>
                <td className="py-2 pr-3 text-right align-top tabular-nums text-slate-700">
                  {Math.round(c.points)}/{c.weight}
                </td>
                {canRecord && (
                  <td className="py-2 align-top">
                    <CriterionActions
                      opportunityId={opportunityId}
                      criterionId={c.criterionId}
                      label={c.label}
                      state={c.state}
                      contacts={contacts}
                      proofHint={proofHints.get(c.criterionId) ?? ""}
                    />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
