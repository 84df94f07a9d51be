/**
 * ICP rules: marketing's definition of a good-fit account, as data. Each rule looks at one account attribute and
 * answers match, miss or unknown (the attribute is missing). Strings compare case-insensitively, trimmed.
 */

import { assertNever } from "./never";
import { plural } from "../vocabulary";

export interface AccountProfile {
  industry: string | null;
  employeeCount: number | null;
  country: string | null;
  region: string | null;
  /** Empty = not yet enriched (unknown), not "uses nothing". */
  techStack: string[];
  fundingStage: string | null;
  /** Empty = no hiring data yet (unknown). */
  hiringSignals: string[];
}

interface RuleBase {
  id: string;
  label: string;
  weight: number;
  /** A miss disqualifies the account whatever its other matches. An unknown knockout does not. */
  knockout: boolean;
}

export type IcpRule = RuleBase &
  (
    | { kind: "industry_in"; industries: string[] }
    /** Inclusive bounds; either may be left out. */
    | { kind: "employee_range"; min?: number; max?: number }
    | { kind: "region_in"; regions: string[] }
    | { kind: "country_in"; countries: string[] }
    /** "any": at least one listed technology is used; "all": every listed one is. */
    | { kind: "tech_includes"; technologies: string[]; mode: "any" | "all" }
    /** Matches when none of the listed technologies is used. */
    | { kind: "tech_excludes"; technologies: string[] }
    | { kind: "funding_stage_in"; stages: string[] }
    /** At least `minCount` hiring signals, counting only those in `signals` when it is given. */
    | { kind: "hiring_signals"; minCount: number; signals?: string[] }
  );

export type IcpRuleKind = IcpRule["kind"];

export interface IcpDefinition {
  version: number;
  rules: IcpRule[];
  /** Fit score (0–100) at or above which the fit is "there" and the account can be pursued. */
  pursueThreshold: number;
  /** If even the best case (every unknown rule matching) scores below this, the account is not a fit. */
  disqualifyBelow?: number;
}

export type RuleOutcome = "match" | "miss" | "unknown";

export interface RuleEvaluation {
  outcome: RuleOutcome;
  reason: string;
}

/** The account with its strings normalised once per fit computation. */
export interface NormalizedAccount {
  source: AccountProfile;
  industry: string | null;
  country: string | null;
  region: string | null;
  fundingStage: string | null;
  techStack: string[];
  hiringSignals: string[];
}

function norm(value: string): string {
  return value.trim().toLowerCase();
}

function normOrNull(value: string | null): string | null {
  return value === null ? null : norm(value);
}

export function normalizeAccount(account: AccountProfile): NormalizedAccount {
  return {
    source: account,
    industry: normOrNull(account.industry),
    country: normOrNull(account.country),
    region: normOrNull(account.region),
    fundingStage: normOrNull(account.fundingStage),
    techStack: account.techStack.map(norm),
    hiringSignals: account.hiringSignals.map(norm),
  };
}

function list(values: readonly string[]): string {
  return values.join(", ");
}

function countIn(values: readonly string[], set: readonly string[]): number {
  let n = 0;
  for (const v of values) if (set.includes(v)) n++;
  return n;
}

function setRule(what: string, value: string | null, raw: string | null, allowed: readonly string[], shown: readonly string[]): RuleEvaluation {
  if (value === null || raw === null) return { outcome: "unknown", reason: `${what} unknown: add it to the account` };
  return allowed.includes(value)
    ? { outcome: "match", reason: `${what} ${raw} is in the ICP (${list(shown)})` }
    : { outcome: "miss", reason: `${what} ${raw} is not in the ICP (${list(shown)})` };
}

/** Head counts as people read them ("1,800"), the way the rule's own label shows its range. */
const headCount = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

function employeeRule(count: number | null, min: number | undefined, max: number | undefined): RuleEvaluation {
  const range = `${headCount.format(min ?? 0)}–${max === undefined ? "∞" : headCount.format(max)}`;
  if (count === null) return { outcome: "unknown", reason: "Employee count unknown: add it to the account" };
  const inRange = (min === undefined || count >= min) && (max === undefined || count <= max);
  return inRange
    ? { outcome: "match", reason: `${headCount.format(count)} employees is within ${range}` }
    : { outcome: "miss", reason: `${headCount.format(count)} employees is outside ${range}` };
}

function techIncludes(stack: readonly string[], wanted: readonly string[], shown: readonly string[], mode: "any" | "all"): RuleEvaluation {
  if (stack.length === 0) return { outcome: "unknown", reason: "Tech stack unknown: enrich the account" };
  const found = countIn(wanted, stack);
  const ok = mode === "any" ? found > 0 : found === wanted.length;
  const need = mode === "any" ? "any of" : "all of";
  return ok ? { outcome: "match", reason: `Uses ${need} ${list(shown)}` } : { outcome: "miss", reason: `Does not use ${need} ${list(shown)}` };
}

function techExcludes(stack: readonly string[], banned: readonly string[], shown: readonly string[]): RuleEvaluation {
  if (stack.length === 0) return { outcome: "unknown", reason: "Tech stack unknown: enrich the account" };
  return countIn(banned, stack) === 0
    ? { outcome: "match", reason: `Uses none of ${list(shown)}` }
    : { outcome: "miss", reason: `Uses an excluded technology (${list(shown)})` };
}

function hiringRule(signals: readonly string[], minCount: number, from: readonly string[], shown: readonly string[] | undefined): RuleEvaluation {
  if (signals.length === 0) return { outcome: "unknown", reason: "No hiring signals recorded yet" };
  const n = shown === undefined ? signals.length : countIn(signals, from);
  const scope = shown === undefined ? "" : ` from ${list(shown)}`;
  return n >= minCount
    ? { outcome: "match", reason: `${plural(n, "hiring signal")}${scope}, at least ${minCount} wanted` }
    : { outcome: "miss", reason: `${plural(n, "hiring signal")}${scope}, at least ${minCount} wanted` };
}

/** Rule lists normalised once per ICP (cached by `compileRule`'s caller). */
export interface CompiledRule {
  rule: IcpRule;
  values: string[];
}

export function compileRule(rule: IcpRule): CompiledRule {
  return { rule, values: ruleValues(rule).map(norm) };
}

/** The list a rule matches against (empty for the employee range), as marketing typed it. */
export function ruleValues(rule: IcpRule): string[] {
  switch (rule.kind) {
    case "industry_in":
      return rule.industries;
    case "region_in":
      return rule.regions;
    case "country_in":
      return rule.countries;
    case "tech_includes":
    case "tech_excludes":
      return rule.technologies;
    case "funding_stage_in":
      return rule.stages;
    case "hiring_signals":
      return rule.signals ?? [];
    case "employee_range":
      return [];
    default:
      return assertNever(rule);
  }
}

/** Evaluates one rule against one account. Outcome "unknown" depends only on missing account data. */
export function evaluateRule(compiled: CompiledRule, a: NormalizedAccount): RuleEvaluation {
  const { rule, values } = compiled;
  const src = a.source;
  switch (rule.kind) {
    case "industry_in":
      return setRule("Industry", a.industry, src.industry, values, rule.industries);
    case "region_in":
      return setRule("Region", a.region, src.region, values, rule.regions);
    case "country_in":
      return setRule("Country", a.country, src.country, values, rule.countries);
    case "funding_stage_in":
      return setRule("Funding stage", a.fundingStage, src.fundingStage, values, rule.stages);
    case "employee_range":
      return employeeRule(src.employeeCount, rule.min, rule.max);
    case "tech_includes":
      return techIncludes(a.techStack, values, rule.technologies, rule.mode);
    case "tech_excludes":
      return techExcludes(a.techStack, values, rule.technologies);
    case "hiring_signals":
      return hiringRule(a.hiringSignals, rule.minCount, values, rule.signals);
    default:
      return assertNever(rule);
  }
}
