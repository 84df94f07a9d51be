import type { IcpDefinition } from "./icp";
import type { CriterionDefinition, Framework, Pipeline } from "./model";
import { assertNever } from "./never";

/** A problem in configuration data, with a path into the object so a form can point at the field. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export class FrameworkValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(`Invalid framework: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    this.name = "FrameworkValidationError";
  }
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

const SLUG = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

function criterionIssues(c: CriterionDefinition, i: number): ValidationIssue[] {
  const at = `criteria[${i}]`;
  const issues: ValidationIssue[] = [];
  if (!SLUG.test(c.id)) issues.push({ path: `${at}.id`, message: `"${c.id}" must be a lowercase slug (a-z, 0-9, _)` });
  if (c.label.trim() === "") issues.push({ path: `${at}.label`, message: "label is required" });
  if (!Number.isFinite(c.weight) || c.weight < 0) issues.push({ path: `${at}.weight`, message: "weight must be a number ≥ 0" });
  if (c.freshnessDays !== null && !(c.freshnessDays > 0)) {
    issues.push({ path: `${at}.freshnessDays`, message: "freshness must be a positive number of days, or null" });
  }
  if (c.questions.length === 0) issues.push({ path: `${at}.questions`, message: "give at least one discovery question" });
  return issues;
}

/** Everything wrong with a framework (empty when valid). */
export function validateFramework(framework: Framework): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (framework.name.trim() === "") issues.push({ path: "name", message: "name is required" });
  if (framework.criteria.length === 0) issues.push({ path: "criteria", message: "a framework needs at least one criterion" });
  framework.criteria.forEach((c, i) => issues.push(...criterionIssues(c, i)));
  for (const id of duplicates(framework.criteria.map((c) => c.id))) issues.push({ path: "criteria", message: `duplicate criterion id "${id}"` });
  const ids = new Set(framework.criteria.map((c) => c.id));
  for (const key of ["budgetCriterionId", "timingCriterionId"] as const) {
    const id = framework[key];
    if (id !== undefined && !ids.has(id)) issues.push({ path: key, message: `"${id}" is not a criterion of this framework` });
  }
  return issues;
}

export interface CustomFrameworkSpec {
  name: string;
  criteria: CriterionDefinition[];
  budgetCriterionId?: string;
  timingCriterionId?: string;
}

/** Builds a custom framework from the same pieces as the templates; throws FrameworkValidationError if invalid. */
export function customFramework(spec: CustomFrameworkSpec): Framework {
  const framework: Framework = { key: "custom", ...spec };
  const issues = validateFramework(framework);
  if (issues.length > 0) throw new FrameworkValidationError(issues);
  return framework;
}

/** Everything wrong with a pipeline, checked against the framework its criterion gates refer to. */
export function validatePipeline(pipeline: Pipeline, framework: Framework): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const ids = new Set(framework.criteria.map((c) => c.id));
  for (const id of duplicates(pipeline.stages.map((s) => s.id))) issues.push({ path: "stages", message: `duplicate stage id "${id}"` });
  if (!pipeline.stages.some((s) => s.kind === "won")) issues.push({ path: "stages", message: "a pipeline needs a won stage" });
  if (!pipeline.stages.some((s) => s.kind === "lost")) issues.push({ path: "stages", message: "a pipeline needs a lost stage" });
  let closedSeen = false;
  pipeline.stages.forEach((s, i) => {
    const at = `stages[${i}]`;
    if (!(s.probability >= 0 && s.probability <= 1)) issues.push({ path: `${at}.probability`, message: "probability must be between 0 and 1" });
    if (s.kind === "open" && closedSeen) issues.push({ path: at, message: "open stages must come before won/lost stages" });
    if (s.kind !== "open") closedSeen = true;
    if (s.kind !== "open" && s.exit.length > 0) issues.push({ path: `${at}.exit`, message: "closed stages have no exit gate" });
    s.exit.forEach((r, j) => {
      if (r.kind === "criterion" && !ids.has(r.criterionId)) {
        issues.push({ path: `${at}.exit[${j}]`, message: `"${r.criterionId}" is not a criterion of ${framework.name}` });
      }
    });
  });
  return issues;
}

/** Everything wrong with an ICP version. */
export function validateIcp(icp: IcpDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const id of duplicates(icp.rules.map((r) => r.id))) issues.push({ path: "rules", message: `duplicate rule id "${id}"` });
  if (!(icp.pursueThreshold >= 0 && icp.pursueThreshold <= 100)) issues.push({ path: "pursueThreshold", message: "must be between 0 and 100" });
  if (icp.disqualifyBelow !== undefined && !(icp.disqualifyBelow >= 0 && icp.disqualifyBelow <= icp.pursueThreshold)) {
    issues.push({ path: "disqualifyBelow", message: "must be between 0 and the pursue threshold" });
  }
  icp.rules.forEach((r, i) => {
    const at = `rules[${i}]`;
    if (!Number.isFinite(r.weight) || r.weight < 0) issues.push({ path: `${at}.weight`, message: "weight must be a number ≥ 0" });
    const empty = emptyList(r);
    if (empty) issues.push({ path: `${at}.${empty}`, message: "list must not be empty" });
    if (r.kind === "employee_range" && r.min !== undefined && r.max !== undefined && r.min > r.max) {
      issues.push({ path: `${at}.min`, message: "min must not exceed max" });
    }
  });
  return issues;
}

/** The name of a rule's list field when it is empty (an empty list can never match, or always does). */
function emptyList(r: IcpDefinition["rules"][number]): string | null {
  switch (r.kind) {
    case "industry_in":
      return r.industries.length === 0 ? "industries" : null;
    case "region_in":
      return r.regions.length === 0 ? "regions" : null;
    case "country_in":
      return r.countries.length === 0 ? "countries" : null;
    case "tech_includes":
    case "tech_excludes":
      return r.technologies.length === 0 ? "technologies" : null;
    case "funding_stage_in":
      return r.stages.length === 0 ? "stages" : null;
    case "hiring_signals":
      return r.signals?.length === 0 ? "signals" : null;
    case "employee_range":
      return null;
    default:
      return assertNever(r);
  }
}
