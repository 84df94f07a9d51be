import * as z from "zod/mini";
import { int4, multilineText } from "./fields";
import { icpRuleSchema } from "./qualification";

const score = (label: string) =>
  z
    .number({ error: `${label} must be a number.` })
    .check(
      z.int(`${label} must be a whole number.`),
      z.gte(0, `${label} must be between 0 and 100.`),
      z.lte(100, `${label} must be between 0 and 100.`),
    );

/** An ICP as marketing edits it: rules, the pursue threshold and an optional floor below which an account is not a fit. */
const icpDefinitionSchema = z.object({
  rules: z.array(icpRuleSchema).check(z.maxLength(50, "At most 50 rules.")),
  pursueThreshold: score("Pursue threshold"),
  disqualifyBelow: z._default(z.nullable(score("Disqualify-below")), null),
});
export type IcpDefinitionInput = z.infer<typeof icpDefinitionSchema>;

export const saveIcpSchema = z.extend(icpDefinitionSchema, {
  /** The version the editor started from; a save on top of a newer one is refused instead of silently replacing it. */
  basedOnVersion: int4("Version"),
  note: z.optional(multilineText("Note", { max: 500 })),
});
export type SaveIcpInput = z.infer<typeof saveIcpSchema>;
/** What the editor sends: the fields as typed, before the schema's defaults and trimming. */
export type SaveIcpFormInput = z.input<typeof saveIcpSchema>;

export const previewIcpSchema = icpDefinitionSchema;
