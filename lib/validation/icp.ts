import { z } from "zod";
import { int4, multilineText } from "./fields";
import { icpRuleSchema } from "./qualification";

const score = (label: string) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(0, `${label} must be between 0 and 100.`)
    .max(100, `${label} must be between 0 and 100.`);

/** An ICP as marketing edits it: rules, the pursue threshold and an optional floor below which an account is not a fit. */
const icpDefinitionSchema = z.object({
  rules: z.array(icpRuleSchema).max(50, "At most 50 rules."),
  pursueThreshold: score("Pursue threshold"),
  disqualifyBelow: score("Disqualify-below").nullable().default(null),
});
export type IcpDefinitionInput = z.infer<typeof icpDefinitionSchema>;

export const saveIcpSchema = icpDefinitionSchema.extend({
  /** The version the editor started from; a save on top of a newer one is refused instead of silently replacing it. */
  basedOnVersion: int4("Version"),
  note: multilineText("Note", { max: 500 }).optional(),
});
export type SaveIcpInput = z.infer<typeof saveIcpSchema>;

export const previewIcpSchema = icpDefinitionSchema;
