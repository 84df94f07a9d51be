import { Check, HelpCircle, X } from "lucide-react";
import type { FitResult } from "@/lib/qualification";

const ICON = { match: Check, miss: X, unknown: HelpCircle } as const;
const COLOR = { match: "text-emerald-600", miss: "text-rose-600", unknown: "text-slate-500" } as const;

/** The ICP rules behind the fit score, with what each contributed and why. */
export function FitPanel({ fit }: { fit: FitResult }) {
  if (fit.rules.length === 0)
    return <p className="text-sm text-slate-500">No ICP defined yet: every account counts as a fit until marketing defines one.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid="fit-rules">
      {fit.rules.map((rule) => {
        const Icon = ICON[rule.outcome];
        return (
          <li key={rule.ruleId} className="flex items-start gap-2 py-2">
            <Icon className={`mt-0.5 size-4 shrink-0 ${COLOR[rule.outcome]}`} role="img" aria-label={rule.outcome} />
            <div className="min-w-0 flex-1">
              <div className="font-medium text-slate-800">
                {rule.label}
                {rule.knockout && <span className="ml-1.5 rounded bg-slate-100 px-1 text-[10px] font-semibold uppercase text-slate-600">must</span>}
              </div>
              <div className="text-xs text-slate-500">{rule.reason}</div>
            </div>
            <div className="shrink-0 tabular-nums text-slate-700">+{Math.round(rule.contribution)}</div>
          </li>
        );
      })}
    </ul>
  );
}
