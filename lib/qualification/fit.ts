import {
  compileRule,
  evaluateRule,
  normalizeAccount,
  type AccountProfile,
  type CompiledRule,
  type IcpDefinition,
  type IcpRuleKind,
  type RuleOutcome,
} from "./icp";
import type { Reason } from "./model";
import { noun } from "../vocabulary";

export interface RuleResult {
  ruleId: string;
  label: string;
  kind: IcpRuleKind;
  outcome: RuleOutcome;
  /** Points this rule adds to the fit score: 100 × weight / total weight when matched, else 0. */
  contribution: number;
  weight: number;
  knockout: boolean;
  reason: string;
}

export interface FitResult {
  icpVersion: number;
  /** 0–100, integer. Proven fit: unknown rules earn nothing; 0 when a knockout failed. */
  score: number;
  /** 0–100, integer. Best case if every unknown rule matched; 0 when a knockout failed. */
  potential: number;
  /** Share (0..1) of rule weight whose outcome is known. */
  knownShare: number;
  rules: RuleResult[];
  /** Knockout rules the account missed (ids). Any entry makes the account "not a fit". */
  knockoutsFailed: string[];
  /** Knockout rules that could not be evaluated (ids): "not yet known", never a disqualification. */
  knockoutsUnknown: string[];
  reasons: Reason[];
}

/**
 * Compiled (lower-cased) rule lists, cached by rule-list identity so string normalisation stays out of the
 * per-account path. ICP versions are immutable data; replacing a rule object (an immutable update) recompiles,
 * but mutating a rule's fields in place would not be noticed.
 */
const compiled = new WeakMap<IcpDefinition["rules"], CompiledRule[]>();

function compiledRules(icp: IcpDefinition): CompiledRule[] {
  const cached = compiled.get(icp.rules);
  if (cached && cached.length === icp.rules.length && cached.every((c, i) => c.rule === icp.rules[i])) return cached;
  const rules = icp.rules.map(compileRule);
  compiled.set(icp.rules, rules);
  return rules;
}

function totalWeight(icp: IcpDefinition): number {
  let total = 0;
  for (const rule of icp.rules) total += Math.max(0, rule.weight);
  return total;
}

/** Scores an account against one ICP version; every rule reports its outcome, contribution and reason. */
export function computeFit(account: AccountProfile, icp: IcpDefinition): FitResult {
  const normalized = normalizeAccount(account);
  const total = totalWeight(icp);
  const rules: RuleResult[] = [];
  const knockoutsFailed: string[] = [];
  const knockoutsUnknown: string[] = [];
  let matched = 0;
  let unknown = 0;
  for (const c of compiledRules(icp)) {
    const { rule } = c;
    const { outcome, reason } = evaluateRule(c, normalized);
    const weight = Math.max(0, rule.weight);
    const contribution = outcome === "match" && total > 0 ? (100 * weight) / total : 0;
    if (outcome === "match") matched += weight;
    else if (outcome === "unknown") unknown += weight;
    if (rule.knockout && outcome === "miss") knockoutsFailed.push(rule.id);
    if (rule.knockout && outcome === "unknown") knockoutsUnknown.push(rule.id);
    rules.push({ ruleId: rule.id, label: rule.label, kind: rule.kind, outcome, contribution, weight, knockout: rule.knockout, reason });
  }
  const knockedOut = knockoutsFailed.length > 0;
  const score = knockedOut ? 0 : percent(matched, total);
  const potential = knockedOut ? 0 : percent(matched + unknown, total);
  const knownShare = total > 0 ? (total - unknown) / total : 1;
  const result: FitResult = {
    icpVersion: icp.version,
    score,
    potential,
    knownShare,
    rules,
    knockoutsFailed,
    knockoutsUnknown,
    reasons: [],
  };
  result.reasons = fitReasons(result);
  return result;
}

/** An ICP with no weighted rules accepts every account. */
function percent(part: number, total: number): number {
  return total > 0 ? Math.round((100 * part) / total) : 100;
}

function fitReasons(fit: FitResult): Reason[] {
  const reasons: Reason[] = [];
  const known = fit.rules.filter((r) => r.outcome !== "unknown");
  const matches = known.filter((r) => r.outcome === "match").length;
  reasons.push({
    code: "fit_score",
    text: `Fit ${fit.score}/100 against ICP v${fit.icpVersion}: ${matches} of ${known.length} known ${noun(known.length, "rule")} match`,
  });
  for (const r of fit.rules) {
    if (!r.knockout || r.outcome === "match") continue;
    reasons.push(
      r.outcome === "miss"
        ? { code: "icp_knockout", criterionId: r.ruleId, text: `Knockout "${r.label}" failed: ${r.reason}` }
        : { code: "icp_knockout_unknown", criterionId: r.ruleId, text: `Knockout "${r.label}" not yet known (${r.reason}); unknown is not a miss` },
    );
  }
  const unknown = fit.rules.length - known.length;
  if (unknown > 0) {
    reasons.push({
      code: "fit_unknown",
      text: `${unknown} ${noun(unknown, "rule")} unknown (${Math.round(100 * (1 - fit.knownShare))}% of weight); best case fit ${fit.potential}/100`,
    });
  }
  return reasons;
}
