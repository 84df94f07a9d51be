import * as z from "zod/mini";
import { dayAsDate, id, int4, pipelineRef, money, optionalDate, optionalInt, requiredText } from "./fields";
import { CURRENCIES } from "./options";

const currency = z.enum(CURRENCIES, { error: "Choose a currency from the list." });

const opportunityFields = {
  name: requiredText("Name"),
  accountId: id("Account"),
  amount: money("Amount"),
  currency: z._default(currency, "USD"),
  expectedCloseDate: optionalDate("Expected close date"),
  repConfidence: optionalInt("Confidence", 0, 100),
  /**
   * A new deal goes into the pipeline chosen (the organization's first pipeline when none is). An edit may repeat
   * the deal's pipeline but not change it: moving a deal between pipelines is a manager's gated move.
   */
  pipelineId: pipelineRef,
};

export const createOpportunitySchema = z.object(opportunityFields);

/**
 * An edit of the deal the user saw (`version`): the whole form, or only some fields (an inline edit of the amount,
 * the close date, the owner or the next step's due date). A field left out stays as it is; none of them defaults
 * here, so a partial edit cannot reset the currency or clear a date. Stage is not editable here: stage changes go
 * through the gated advance action.
 */
export const updateOpportunitySchema = z.object({
  id: id("Opportunity"),
  version: int4("Version", 1),
  name: z.optional(opportunityFields.name),
  accountId: z.optional(opportunityFields.accountId),
  amount: z.optional(opportunityFields.amount),
  currency: z.optional(currency),
  expectedCloseDate: z.optional(opportunityFields.expectedCloseDate),
  repConfidence: z.optional(opportunityFields.repConfidence),
  pipelineId: opportunityFields.pipelineId,
  /** A manager's reassignment (reps keep their own deals). */
  ownerId: z.optional(id("Owner")),
  /** Moves the due date of the deal's next step (the step itself is set with its own action). */
  nextStepDueOn: z.optional(dayAsDate("Due date")),
});
