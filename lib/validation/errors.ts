/** Field errors keyed by dotted path ("stages.3.probability"), top-level fields by their name. */
export type PathErrors = Record<string, string[] | undefined>;

/**
 * Validation errors of nested inputs (stages, rules) keyed by dotted path. The action client's default
 * "flattened" shape keeps only top-level fields and would drop these silently.
 */
function flattenNestedErrors(errors: object): { formErrors: string[]; fieldErrors: PathErrors } {
  const fieldErrors: PathErrors = {};
  const walk = (node: unknown, path: string[]) => {
    if (typeof node !== "object" || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      if (key !== "_errors") walk(child, [...path, key]);
      else if (path.length > 0 && Array.isArray(child)) fieldErrors[path.join(".")] = child.map(String);
    }
  };
  walk(errors, []);
  const root = (errors as { _errors?: unknown })._errors;
  return { formErrors: Array.isArray(root) ? root.map(String) : [], fieldErrors };
}

/** For `inputSchema(schema, { handleValidationErrorsShape })` of actions whose input nests. */
export const nestedErrorsShape = (errors: object) => Promise.resolve(flattenNestedErrors(errors));

/** zod issues keyed by dotted path, the shape INVALID errors carry to forms and to the API alike. */
export function issuesByPath(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): PathErrors {
  const byPath: PathErrors = {};
  for (const issue of issues) (byPath[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return byPath;
}

/** The engine's issue paths ("stages[2].exit[0]") in the same dotted form as zod's. */
export function engineIssueKey(path: string): string {
  return path.replace(/\[(\d+)\]/g, ".$1");
}

/** Every error at `prefix` or below it, for a row that shows its nested errors together. */
export function errorsUnder(errors: PathErrors, prefix: string): string[] {
  return Object.entries(errors).flatMap(([key, messages]) => (key === prefix || key.startsWith(`${prefix}.`) ? (messages ?? []) : []));
}
