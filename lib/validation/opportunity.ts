import { z } from "zod";
import { id, optionalDate, optionalInt, requiredNumber, requiredText } from "./fields";
import { CURRENCIES } from "./options";

export const opportunityFields = z.object({
  name: requiredText("Name"),
  accountId: id("Account"),
  amount: requiredNumber("Amount", (n) =>
    n
      .min(0, "Amount cannot be negative.")
      .max(1_000_000_000, "Amount must be at most 1,000,000,000.")
      .refine((v) => Math.round(v * 100) === v * 100, "Amount can have at most two decimals."),
  ),
  currency: z.enum(CURRENCIES, { error: "Choose a currency from the list." }).default("USD"),
  expectedCloseDate: optionalDate("Expected close date"),
  repConfidence: optionalInt("Confidence", 0, 100),
});

export const createOpportunitySchema = opportunityFields;

/** Stage is not editable here: stage changes go through the gated advance action. */
export const updateOpportunitySchema = opportunityFields.extend({
  id: id("Opportunity"),
  version: z.coerce.number().int().min(1),
});

export type OpportunityInput = z.infer<typeof opportunityFields>;
