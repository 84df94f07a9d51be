import { toNestErrors } from "@hookform/resolvers";
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldError, FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type * as z from "zod/mini";
import type { PathMessage } from "./form-errors";

/**
 * react-hook-form's resolver for a form validated by a server action's zod schema. The values are judged as
 * typed (the schema's input), or, for an editor whose draft is not that input (percent as text, questions one
 * per line), as `toInput(draft)` on the same paths; what reaches the submit handler is that input, ready to send.
 * `check` adds the objections the server raises past its schema (the engine's own validation of an ICP), on the
 * input the schema accepted, so they show before a round trip, next to their fields.
 */
export function draftResolver<Values extends FieldValues>(
  schema: z.core.$ZodType,
  toInput?: (values: Values) => unknown,
  check?: (input: never) => PathMessage[],
): Resolver<Values> {
  const resolver = zodResolver(schema as never, undefined, { raw: true }) as unknown as Resolver<Values>;
  if (!toInput && !check) return resolver;
  return async (values, context, options) => {
    const result = await resolver((toInput ? toInput(values) : values) as Values, context, options);
    const issues = check && Object.keys(result.errors).length === 0 ? check(result.values as never) : [];
    if (issues.length === 0) return result;
    const flat: Record<string, FieldError> = {};
    for (const { path, message } of issues) flat[path] ??= { type: "check", message };
    return { values: {}, errors: toNestErrors(flat as FieldErrors, options) };
  };
}
