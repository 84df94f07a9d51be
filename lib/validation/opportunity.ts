import * as z from "zod/mini";
import { id, int4, pipelineRef, money, optionalDate, optionalInt, requiredText } from "./fields";
import { CURRENCIES } from "./options";

const opportunityFields = z.object({
  name: requiredText("Name"),
  accountId: id("Account"),
  amount: money("Amount"),
  currency: z._default(z.enum(CURRENCIES, { error: "Choose a currency from the list." }), "USD"),
  expectedCloseDate: optionalDate("Expected close date"),
  repConfidence: optionalInt("Confidence", 0, 100),
  /**
   * A new deal goes into the pipeline chosen (the organization's first pipeline when none is). An edit may repeat
   * the deal's pipeline but not change it: moving a deal between pipelines is a manager's gated move.
   */
  pipelineId: pipelineRef,
});

export const createOpportunitySchema = opportunityFields;

/** Stage is not editable here: stage changes go through the gated advance action. */
export const updateOpportunitySchema = z.extend(opportunityFields, {
  id: id("Opportunity"),
  version: int4("Version", 1),
});
