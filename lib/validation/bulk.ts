import * as z from "zod/mini";
import { id, optionalText } from "./fields";
import { reasonText, resumeOn } from "./lead";

/** One bulk action acts on at most a page of a list: the cap keeps its single transaction short. */
export const MAX_BULK_IDS = 100;

const ids = (label: string) =>
  z.pipe(
    z.array(id(label)).check(z.minLength(1, "Select at least one row."), z.maxLength(MAX_BULK_IDS, `At most ${MAX_BULK_IDS} rows at once.`)),
    z.transform((list: string[]) => [...new Set(list)]),
  );

export const bulkReassignDealsSchema = z.object({ ids: ids("Opportunity"), ownerId: id("Owner") });

export const bulkNurtureDealsSchema = z.object({
  ids: ids("Opportunity"),
  resumeOn,
  watchFor: optionalText("What to watch for", 300),
  reason: reasonText("Reason"),
});

export const bulkAssignLeadsSchema = z.object({ ids: ids("Lead"), ownerId: id("Owner") });

export const bulkDisqualifyLeadsSchema = z.object({ ids: ids("Lead"), reason: reasonText("Reason") });
