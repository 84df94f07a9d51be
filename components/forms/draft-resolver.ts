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
  check?: (input: never) => PathMessage[] | Promise<PathMessage[]>,
): Resolver<Values> {
  const resolver = zodResolver(schema as never, undefined, { raw: true }) as unknown as Resolver<Values>;
  if (!toInput && !check) return resolver;
  return async (values, context, options) => {
    const result = await resolver((toInput ? toInput(values) : values) as Values, context, options);
    const issues = check && Object.keys(result.errors).length === 0 ? await check(result.values as never) : [];
    if (issues.length === 0) return result;
    const flat: Record<string, FieldError> = {};
    for (const { path, message } of issues) flat[path] ??= { type: "check", message };
    return { values: {}, errors: toNestErrors(flat as FieldErrors, options) };
  };
}

/**
 * A schema imported on demand (`() => import("@/lib/validation/x").then((m) => m.xSchema)`), fetched once: the
 * first call starts the import, later calls share it. A failed import resolves to null and is tried again next time.
 */
export function schemaLoader<S>(load: () => Promise<S>): () => Promise<S | null> {
  let loaded: Promise<S | null> | undefined;
  return () =>
    (loaded ??= load().catch(() => {
      loaded = undefined;
      return null;
    }));
}

/**
 * `draftResolver` over a schema that arrives later (see `schemaLoader`), so zod stays out of the page's first-load
 * JavaScript; the resolver waits for it. Should it not load, the values go to the server action as they are: it
 * parses them with the same schema and its messages land under the same fields.
 */
export function lazyDraftResolver<Values extends FieldValues>(
  schema: () => Promise<z.core.$ZodType | null>,
  toInput?: (values: Values) => unknown,
  check?: (input: never) => PathMessage[] | Promise<PathMessage[]>,
): Resolver<Values> {
  return async (values, context, options) => {
    const loaded = await schema();
    if (loaded) return draftResolver<Values>(loaded, toInput, check)(values, context, options);
    return { values: (toInput ? toInput(values) : values) as Values, errors: {} };
  };
}
