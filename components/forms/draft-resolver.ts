import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import type * as z from "zod/mini";

/**
 * react-hook-form's resolver for a form validated by a server action's zod schema. The values are judged as
 * typed (the schema's input), or, for an editor whose draft is not that input (percent as text, questions one
 * per line), as `toInput(draft)` on the same paths; what reaches the submit handler is that input, ready to send.
 */
export function draftResolver<Values extends FieldValues>(schema: z.core.$ZodType, toInput?: (values: Values) => unknown): Resolver<Values> {
  const resolver = zodResolver(schema as never, undefined, { raw: true }) as unknown as Resolver<Values>;
  if (!toInput) return resolver;
  return (values, context, options) => resolver(toInput(values) as Values, context, options);
}
