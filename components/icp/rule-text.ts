import type { IcpRule } from "@/lib/qualification";

const list = (values: readonly string[]) => values.join(", ");
const count = (n: number) => n.toLocaleString("en-US");

/** One ICP rule as marketing would say it. */
export function describeRule(rule: IcpRule): string {
  switch (rule.kind) {
    case "industry_in":
      return `Industry is ${oneOf(rule.industries)}`;
    case "region_in":
      return `Region is ${oneOf(rule.regions)}`;
    case "country_in":
      return `Country is ${oneOf(rule.countries)}`;
    case "funding_stage_in":
      return `Funding stage is ${oneOf(rule.stages)}`;
    case "tech_includes":
      return `Uses ${rule.technologies.length === 1 ? "" : rule.mode === "all" ? "all of " : "any of "}${list(rule.technologies)}`;
    case "tech_excludes":
      return `Uses none of ${list(rule.technologies)}`;
    case "employee_range":
      return employees(rule.min, rule.max);
    case "hiring_signals": {
      const what = `At least ${rule.minCount} hiring signal${rule.minCount === 1 ? "" : "s"}`;
      return rule.signals?.length ? `${what} among ${list(rule.signals)}` : what;
    }
  }
}

function oneOf(values: readonly string[]): string {
  return values.length === 1 ? (values[0] ?? "") : `one of ${list(values)}`;
}

function employees(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${count(min)}–${count(max)} employees`;
  if (min !== undefined) return `At least ${count(min)} employees`;
  if (max !== undefined) return `At most ${count(max)} employees`;
  return "Any number of employees";
}

/** Each rule's share of the fit score, in percent of the total weight. */
export function weightShare(rules: readonly IcpRule[], rule: IcpRule): number {
  const total = rules.reduce((sum, r) => sum + Math.max(0, r.weight), 0);
  return total > 0 ? Math.round((100 * Math.max(0, rule.weight)) / total) : 0;
}
