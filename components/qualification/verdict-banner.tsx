import { CircleCheck, CircleSlash, FileSearch, Hourglass } from "lucide-react";
import type { Verdict } from "@/lib/qualification";
import { cn, formatDate } from "@/lib/utils";
import { VERDICT_LABEL } from "./labels";

const STYLE = {
  pursue: { icon: CircleCheck, box: "bg-emerald-50 ring-emerald-200", text: "text-emerald-800" },
  unproven: { icon: FileSearch, box: "bg-indigo-50 ring-indigo-200", text: "text-indigo-800" },
  nurture: { icon: Hourglass, box: "bg-amber-50 ring-amber-200", text: "text-amber-900" },
  disqualify: { icon: CircleSlash, box: "bg-rose-50 ring-rose-200", text: "text-rose-800" },
} as const;

/** The engine's verdict with its deciding reasons; "not yet" also says when to look again and what to watch. */
export function VerdictBanner({ verdict }: { verdict: Verdict }) {
  const style = STYLE[verdict.verdict];
  const Icon = style.icon;
  return (
    <div className={cn("rounded-lg p-4 ring-1 ring-inset", style.box)} data-testid="verdict">
      <div className={cn("flex items-center gap-2 font-semibold", style.text)}>
        <Icon className="size-5" aria-hidden />
        <span data-testid="verdict-label">{VERDICT_LABEL[verdict.verdict]}</span>
        {verdict.resumeOn && <span className="text-sm font-normal">· look again on {formatDate(verdict.resumeOn)}</span>}
      </div>
      <ul className="mt-2 space-y-1 text-sm text-slate-700">
        {verdict.reasons.map((reason) => (
          <li key={`${reason.code}-${reason.criterionId ?? ""}-${reason.text}`}>{reason.text}</li>
        ))}
      </ul>
      {verdict.watchFor && (
        <p className="mt-2 text-sm text-slate-700">
          <span className="font-medium">Watch for:</span> {verdict.watchFor}
        </p>
      )}
    </div>
  );
}
