import { Badge } from "@/components/ui/badge";
import { asVerdictKind } from "@/lib/qualification";
import { TipTarget, Tooltip } from "@/components/ui/tooltip";
import { VERDICT_LABEL, VERDICT_TONE, scoreTone } from "./labels";

/** The stored assessment columns a list row shows. */
export interface StoredQualification {
  verdict: string;
  intent: number;
  maxSeverity: string | null;
  flagCount: number;
  pending: boolean;
}

/** Verdict, intent and flags of one deal from its stored assessment, compact enough for a table row. */
export function QualificationCell({ stored }: { stored: StoredQualification | null | undefined }) {
  if (!stored) return <span className="text-slate-500">—</span>;
  const verdict = asVerdictKind(stored.verdict);
  return (
    <span className="inline-flex items-center gap-1.5">
      <Badge tone={VERDICT_TONE[verdict]} data-testid="row-verdict">
        {VERDICT_LABEL[verdict]}
      </Badge>
      <Badge tone={scoreTone(stored.intent)}>Intent {stored.intent}</Badge>
      {stored.flagCount > 0 && (
        <Badge tone={stored.maxSeverity === "critical" ? "bad" : "warn"}>
          {stored.flagCount} flag{stored.flagCount === 1 ? "" : "s"}
        </Badge>
      )}
      {stored.pending && (
        <Tooltip content="Being re-scored after a settings change">
          <TipTarget className="text-xs text-slate-500">re-scoring…</TipTarget>
        </Tooltip>
      )}
    </span>
  );
}
