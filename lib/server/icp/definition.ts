import "server-only";
import { validateIcp, type IcpDefinition, type ValidationIssue } from "../../qualification";
import type { IcpDefinitionInput } from "../../validation/icp";
import { engineIssueKey, type PathErrors } from "../../validation/errors";
import { AppError } from "../errors";

export function toIcpDefinition(input: IcpDefinitionInput, version: number): IcpDefinition {
  return {
    version,
    rules: input.rules,
    pursueThreshold: input.pursueThreshold,
    ...(input.disqualifyBelow !== null && { disqualifyBelow: input.disqualifyBelow }),
  };
}

const FIELD_NAMES: Record<string, string> = { pursueThreshold: "Pursue threshold", disqualifyBelow: "Disqualify-below", rules: "Rules" };

/** The engine's objections to an ICP, phrased with the rule they concern; throws when there are any. */
export function assertValidIcp(icp: IcpDefinition, failure = "The ICP was not saved."): void {
  const issues = validateIcp(icp);
  if (issues.length === 0) return;
  const fieldErrors: PathErrors = {};
  const sentences = issues.map((issue: ValidationIssue) => {
    const index = /^rules\[(\d+)\]/.exec(issue.path)?.[1];
    const rule = index === undefined ? undefined : icp.rules[Number(index)];
    const text = rule ? `Rule "${rule.label}": ${issue.message}` : `${FIELD_NAMES[issue.path] ?? issue.path}: ${issue.message}`;
    const key = engineIssueKey(issue.path);
    fieldErrors[key] = [...(fieldErrors[key] ?? []), text];
    return text;
  });
  throw new AppError("INVALID", `${failure} ${sentences.join("; ")}.`, { fieldErrors });
}
