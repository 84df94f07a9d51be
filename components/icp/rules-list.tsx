import { Badge } from "@/components/ui/badge";
import { TipTarget, Tooltip } from "@/components/ui/tooltip";
import type { IcpRule } from "@/lib/qualification";
import { describeRule, weightShare } from "./rule-text";

/** An ICP's rules in plain language, with their weight and whether a miss knocks the account out. */
export function RulesList({ rules }: { rules: IcpRule[] }) {
  if (rules.length === 0) return <p className="text-sm text-slate-500">No rules: every account counts as a fit.</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="icp-rules">
      {rules.map((rule) => (
        <li key={rule.id} className="flex items-start justify-between gap-4 py-2.5">
          <div className="min-w-0">
            <div className="text-sm font-medium text-slate-900">{rule.label}</div>
            <div className="text-sm text-slate-600">{describeRule(rule)}</div>
          </div>
          <div className="flex shrink-0 items-center gap-2">
            {rule.knockout && (
              <Tooltip content="An account that misses this rule is not a fit, whatever else matches">
                <TipTarget>
                  <Badge tone="warn">Knockout</Badge>
                </TipTarget>
              </Tooltip>
            )}
            <span className="w-28 text-right text-sm tabular-nums text-slate-700">
              weight {rule.weight}
              <span className="block text-xs text-slate-500">{weightShare(rules, rule)}% of fit</span>
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
