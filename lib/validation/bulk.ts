import { z } from "zod";
import { id, optionalDate, optionalText } from "./fields";
import { reasonText } from "./lead";

/** One bulk action acts on at most a page of a list: the cap keeps its single transaction short. */
export const MAX_BULK_IDS = 100;

const ids = (label: string) =>
  z
    .array(id(label))
    .min(1, "Select at least one row.")
    .max(MAX_BULK_IDS, `At most ${MAX_BULK_IDS} rows at once.`)
    .transform((list) => [...new Set(list)]);

export const bulkReassignDealsSchema = z.object({ ids: ids("Opportunity"), ownerId: id("Owner") });

export const bulkNurtureDealsSchema = z.object({
  ids: ids("Opportunity"),
  resumeOn: optionalDate("Resume date").refine((d) => d !== null, "Pick the date to look again."),
  watchFor: optionalText("What to watch for", 300),
  reason: reasonText("Reason"),
});

export const bulkAssignLeadsSchema = z.object({ ids: ids("Lead"), ownerId: id("Owner") });

export const bulkDisqualifyLeadsSchema = z.object({ ids: ids("Lead"), reason: reasonText("Reason") });
