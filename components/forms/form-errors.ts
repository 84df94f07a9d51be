import type { FieldErrors as HookFieldErrors } from "react-hook-form";
import { domainFieldErrors, type ActionError, type FieldErrors } from "@/lib/action-error";

/** One message of a form's error summary: the dotted path of the field at fault ("rules.2.weight") and the message. */
export interface PathMessage {
  path: string;
  message: string;
}

/**
 * react-hook-form's nested errors (client validation files "techStack.0" under `techStack[0]`) as a flat list in
 * field order, the shape the error summary lists and focuses. The form's own message (`root`) comes first.
 */
export function flattenHookErrors(errors: HookFieldErrors): PathMessage[] {
  const out: PathMessage[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (typeof node !== "object" || node === null) return;
    const message = (node as { message?: unknown }).message;
    if (typeof message === "string" && message !== "") {
      out.push({ path: path.join("."), message });
      return;
    }
    for (const [key, child] of Object.entries(node)) if (key !== "ref") walk(child, [...path, key]);
  };
  const { root, ...fields } = errors;
  walk(root, ["root"]);
  walk(fields, []);
  return out;
}

/** Errors by dotted path (as the actions answer) in the summary's shape: one message each. */
function pathMessages(errors: FieldErrors): PathMessage[] {
  return Object.entries(errors).flatMap(([path, messages]) => (messages?.[0] ? [{ path, message: messages[0] }] : []));
}

/** react-hook-form's errors keyed by dotted path, for editors whose rows read `errors["stages.2.label"]`. */
export function pathErrors(errors: HookFieldErrors): FieldErrors {
  return Object.fromEntries(flattenHookErrors(errors).map(({ path, message }) => [path, [message]]));
}

/** The first message at `name` or anywhere under it: a field holding a whole list shows its items' errors. */
export function errorAt(errors: HookFieldErrors, name: string): string[] | undefined {
  const found = flattenHookErrors(errors).find((e) => e.path === name || e.path.startsWith(`${name}.`));
  return found ? [found.message] : undefined;
}

/**
 * What a refused action says about the form: messages per dotted path (the schema's own on the server, or a
 * domain check's INVALID `fieldErrors`) and one message for the form as a whole, if any.
 */
export function serverFormErrors(result: {
  validationErrors?: { formErrors: string[]; fieldErrors: FieldErrors } | undefined;
  serverError?: ActionError | undefined;
}): { fieldErrors: PathMessage[]; formError: string | undefined } {
  const domain = domainFieldErrors(result.serverError);
  const fieldErrors = pathMessages({ ...result.validationErrors?.fieldErrors, ...domain });
  const formError = result.validationErrors?.formErrors[0] ?? (domain ? undefined : result.serverError?.message);
  return { fieldErrors, formError };
}

/** aria props that connect a control to its errors (the message's id is `${id}-error`, see Field). */
export function invalid(errors: string[] | undefined, id: string) {
  return errors?.length ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {};
}
