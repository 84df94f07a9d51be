import { z } from "zod";
import { day, id, requiredText } from "./fields";

/** A deal's next step: what, and by when (a calendar day, stored as a UTC date). */
export const setNextStepSchema = z.object({
  opportunityId: id("Opportunity"),
  text: requiredText("Next step", 200),
  dueOn: day("Due date").transform((v) => new Date(`${v}T00:00:00Z`)),
});

export const completeNextStepSchema = z.object({
  opportunityId: id("Opportunity"),
});
