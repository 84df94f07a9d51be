"use client";

import type { StandardSchemaV1 } from "@standard-schema/spec";
import { useAction, type SingleInputActionFn } from "next-safe-action/hooks";
import { useEffect, useState } from "react";
import { useForm, type DefaultValues, type FieldPath, type FieldValues } from "react-hook-form";
import type * as z from "zod/mini";
import type { ActionError, FieldErrors } from "@/lib/action-error";
import { lazyDraftResolver, schemaLoader } from "./draft-resolver";
import { errorAt, serverFormErrors, type PathMessage } from "./form-errors";

interface FlatErrors {
  formErrors: string[];
  fieldErrors: FieldErrors;
}

/**
 * A form on react-hook-form, validated in the browser by the very zod schema the server action parses with,
 * so both refuse the same input with the same words. The schema comes as a loader
 * (`() => import("@/lib/validation/x").then((m) => m.xSchema)`): zod is only needed once the user submits, so it
 * is fetched when the page is idle, not as part of its first load. The values sent are the fields as typed (the schema's
 * input): the server parses them again, and parsed values (a Date, a split list) would not parse twice.
 * A refused submit, here or on the server, files each message under its field by dotted path and bumps
 * `summaryFocus`, which moves focus to the error summary.
 */
export function useZodForm<
  S extends z.core.$ZodType<unknown, FieldValues> & StandardSchemaV1,
  ShapedErrors extends FlatErrors,
  Data,
  Values extends FieldValues = z.input<S>,
>(
  schema: () => Promise<S>,
  action: SingleInputActionFn<ActionError, S, ShapedErrors, Data>,
  options: {
    defaultValues?: DefaultValues<NoInfer<Values>>;
    onSuccess?: (data: Data) => void;
    /**
     * For an editor whose draft is not the schema's input as is (percent typed as text, questions one per line):
     * the input the draft stands for, on the same paths, so each message still lands on its field.
     */
    toInput?: (values: Values) => z.input<S>;
    /** Objections past the schema that the server raises too (see `draftResolver`), by dotted path. */
    check?: (input: z.input<S>) => PathMessage[] | Promise<PathMessage[]>;
  },
) {
  // The first render's loader stands for the form's whole life (a form never changes schema); it is fetched
  // shortly after the page has loaded, so a submit rarely waits for it.
  const [load] = useState(() => schemaLoader(schema));
  useEffect(() => {
    const idle = window.setTimeout(() => void load(), 1000);
    return () => window.clearTimeout(idle);
  }, [load]);
  const form = useForm<Values, unknown, Values>({
    resolver: lazyDraftResolver<Values>(load, options.toInput, options.check),
    defaultValues: options.defaultValues,
    shouldFocusError: false,
  });
  const { executeAsync, isPending, result } = useAction(action);
  const [summaryFocus, setSummaryFocus] = useState(0);
  const refused = () => setSummaryFocus((n) => n + 1);

  /** Files a refused action's messages under their fields (and the form's own at the top), then focuses the summary. */
  const refuse = (outcome: Parameters<typeof serverFormErrors>[0]) => {
    const { fieldErrors, formError } = serverFormErrors(outcome);
    for (const { path, message } of fieldErrors) form.setError(path as FieldPath<Values>, { type: "server", message });
    if (formError) form.setError("root.server", { type: "server", message: formError });
    refused();
  };

  const onSubmit = form.handleSubmit(async (values) => {
    const outcome = await executeAsync(values as Parameters<typeof executeAsync>[0]);
    if (!outcome.validationErrors && !outcome.serverError) {
      options.onSuccess?.(outcome.data as Data);
      return;
    }
    refuse(outcome);
  }, refused);

  /**
   * Judges the form as a submit would, for a second action on the same draft (a preview): the input ready to
   * send, or null with the errors filed and the summary focused.
   */
  const validInput = async (): Promise<z.input<S> | null> => {
    if (await form.trigger()) {
      const values = form.getValues();
      return options.toInput ? options.toInput(values) : (values as z.input<S>);
    }
    refused();
    return null;
  };

  return {
    form,
    onSubmit,
    isPending: isPending || form.formState.isSubmitting,
    serverError: result.serverError,
    summaryFocus,
    /** The field's first message, including its items' ("techStack.3"), for `Field errors=`. */
    errors: (name: string) => errorAt(form.formState.errors, name),
    validInput,
    refuse,
  };
}
