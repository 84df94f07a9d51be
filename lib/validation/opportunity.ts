import { z } from "zod";
import { id, int4, money, optionalDate, optionalInt, requiredText } from "./fields";
import { CURRENCIES } from "./options";

const opportunityFields = z.object({
  name: requiredText("Name"),
  accountId: id("Account"),
  amount: money("Amount"),
  currency: z.enum(CURRENCIES, { error: "Choose a currency from the list." }).default("USD"),
  expectedCloseDate: optionalDate("Expected close date"),
  repConfidence: optionalInt("Confidence", 0, 100),
});

export const createOpportunitySchema = opportunityFields;

/** Stage is not editable here: stage changes go through the gated advance action. */
export const updateOpportunitySchema = opportunityFields.extend({
  id: id("Opportunity"),
  version: int4("Version", 1),
});
