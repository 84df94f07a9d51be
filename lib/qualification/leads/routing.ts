export interface RoutingRule {
  region?: string;
  minEmployees?: number;
  maxEmployees?: number;
  ownerId: string;
}

export type RoutingConfig = { mode: "round_robin" } | { mode: "rules"; rules: RoutingRule[] };

export interface RoutingInput {
  lead: { region: string | null; employeeCount: number | null };
  config: RoutingConfig;
  /** Reps eligible for round robin, in a stable order. */
  reps: string[];
  /** How many leads the round robin has handed out so far. */
  cursor: number;
}

export type RoutingResult =
  | { ownerId: string; by: "rule"; ruleIndex: number; usedCursor: false }
  | { ownerId: string; by: "round_robin"; usedCursor: true }
  | { ownerId: null; by: "unassigned"; usedCursor: false };

function matches(rule: RoutingRule, lead: RoutingInput["lead"]): boolean {
  if (rule.region !== undefined && (lead.region ?? "").toLowerCase() !== rule.region.toLowerCase()) return false;
  if (rule.minEmployees !== undefined && (lead.employeeCount === null || lead.employeeCount < rule.minEmployees)) return false;
  if (rule.maxEmployees !== undefined && (lead.employeeCount === null || lead.employeeCount > rule.maxEmployees)) return false;
  return true;
}

/**
 * Who gets a lead to pursue: the first rule (by region / company size) that matches, else the next rep in
 * the round robin. Rules naming someone who is no longer a rep are skipped.
 */
export function routeLead(input: RoutingInput): RoutingResult {
  const eligible = new Set(input.reps);
  if (input.config.mode === "rules") {
    const index = input.config.rules.findIndex((r) => eligible.has(r.ownerId) && matches(r, input.lead));
    const rule = input.config.rules[index];
    if (rule) return { ownerId: rule.ownerId, by: "rule", ruleIndex: index, usedCursor: false };
  }
  const n = input.reps.length;
  const ownerId = n > 0 ? input.reps[((input.cursor % n) + n) % n] : undefined;
  return ownerId ? { ownerId, by: "round_robin", usedCursor: true } : { ownerId: null, by: "unassigned", usedCursor: false };
}
