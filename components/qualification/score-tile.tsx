import { Badge } from "@/components/ui/badge";
import { scoreTone } from "./labels";

export function ScoreTile({ label, score, detail, testId }: { label: string; score: number; detail: string; testId: string }) {
  return (
    <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <div className="flex items-center justify-between text-xs font-medium uppercase tracking-wide text-slate-500">
        {label}
        <Badge tone={scoreTone(score)}>{score >= 70 ? "strong" : score >= 40 ? "partial" : "weak"}</Badge>
      </div>
      <div className="mt-1 text-3xl font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {score}
        <span className="text-base font-normal text-slate-500">/100</span>
      </div>
      <p className="mt-1 text-xs text-slate-500">{detail}</p>
    </div>
  );
}
