import * as z from "zod/mini";
import { dayAsDate, id, requiredText } from "./fields";

/** A deal's next step: what, and by when (a calendar day, stored as a UTC date). */
export const setNextStepSchema = z.object({
  opportunityId: id("Opportunity"),
  text: requiredText("Next step", 200),
  dueOn: dayAsDate("Due date"),
});

export const completeNextStepSchema = z.object({
  opportunityId: id("Opportunity"),
});
