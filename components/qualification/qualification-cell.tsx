import { Badge } from "@/components/ui/badge";
import type { Assessment } from "@/lib/qualification";
import { VERDICT_LABEL, VERDICT_TONE, scoreTone } from "./labels";

/** Verdict, intent and critical flags of one deal, compact enough for a table row. */
export function QualificationCell({ assessment }: { assessment: Assessment | undefined }) {
  if (!assessment) return <span className="text-slate-400">—</span>;
  const critical = assessment.flags.filter((f) => f.severity === "critical");
  return (
    <span className="inline-flex items-center gap-1.5" title={[...assessment.verdict.reasons.map((r) => r.text), ...assessment.flags.map((f) => f.text)].join("\n")}>
      <Badge tone={VERDICT_TONE[assessment.verdict.verdict]} data-testid="row-verdict">{VERDICT_LABEL[assessment.verdict.verdict]}</Badge>
      <Badge tone={scoreTone(assessment.intent.score)}>Intent {assessment.intent.score}</Badge>
      {critical.length > 0 && <Badge tone="bad">{critical.length} critical</Badge>}
    </span>
  );
}
