"use client";

import type { StandardSchemaV1 } from "@standard-schema/spec";
import { useAction, type SingleInputActionFn } from "next-safe-action/hooks";
import { useEffect, useRef, type FormEvent } from "react";
import { domainFieldErrors, type ActionError, type FieldErrors } from "@/lib/action-error";

interface FlatErrors {
  formErrors: string[];
  fieldErrors: FieldErrors;
}

/**
 * Runs a server action from a form: collects its fields (names listed in `arrays` become arrays), and
 * returns per-field errors (from zod, or from a domain check such as a duplicate domain), the form-level
 * error, and whether the action is still running.
 */
export function useActionForm<Schema extends StandardSchemaV1, ShapedErrors extends FlatErrors, Data>(
  action: SingleInputActionFn<ActionError, Schema, ShapedErrors, Data>,
  options: { onSuccess?: (data: Data) => void; arrays?: string[] } = {},
) {
  const { execute, result, isPending, reset } = useAction(action, {
    onSuccess: ({ data }) => options.onSuccess?.(data),
  });
  const serverError = result.serverError;
  const domainErrors = domainFieldErrors(serverError);
  const fieldErrors = withParents({ ...result.validationErrors?.fieldErrors, ...domainErrors });
  const formError = result.validationErrors?.formErrors[0] ?? (domainErrors ? undefined : serverError?.message);

  // After a refused submit, focus goes to the first field in error (a form-level message focuses itself: FormError).
  const formRef = useRef<HTMLFormElement | null>(null);
  const refused = result.validationErrors || serverError ? result : null;
  useEffect(() => {
    if (refused && !formError) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refused, formError]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    formRef.current = event.currentTarget;
    // The schema on the server is the judge of the shape; the form only gathers what the user typed.
    execute(formToObject(new FormData(event.currentTarget), options.arrays ?? []) as Parameters<typeof execute>[0]);
  }

  return { onSubmit, execute, isPending, fieldErrors, formError, serverError, reset };
}

/**
 * Errors come keyed by their full path ("techStack.0"); a form whose input holds the whole list (one text
 * field for "a, b, c") shows them on that field, so every error is also filed under its top-level name.
 * Forms with a control per item (pipeline stages, evidence rows) read the dotted keys.
 */
export function withParents(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = { ...errors };
  for (const [key, messages] of Object.entries(errors)) {
    const top = key.split(".")[0];
    if (!top || top === key || !messages?.length) continue;
    out[top] = [...new Set([...(out[top] ?? []), ...messages])];
  }
  return out;
}

function formToObject(data: FormData, arrays: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of data.entries()) {
    if (typeof value !== "string") continue;
    if (arrays.includes(key)) out[key] = [...((out[key] as string[] | undefined) ?? []), value];
    else out[key] = value;
  }
  return out;
}

/** aria props that connect a control to its errors. */
export function invalid(errors: string[] | undefined, name: string) {
  return errors?.length ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {};
}
