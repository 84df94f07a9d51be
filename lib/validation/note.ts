import { z } from "zod";
import { id } from "./fields";
import { evidenceEntrySchema } from "./qualification";

export const logNoteSchema = z
  .object({
    opportunityId: id("Opportunity").optional(),
    accountId: id("Account").optional(),
    body: z.string().trim().min(1, "Write something before saving the note.").max(10_000, "Notes are limited to 10,000 characters."),
    /** Criteria this note gives evidence for (opportunity notes only). */
    evidence: z.array(evidenceEntrySchema).max(20, "At most 20 pieces of evidence per note.").default([]),
  })
  .refine((v) => Boolean(v.opportunityId ?? v.accountId), { message: "A note belongs to an opportunity or an account.", path: ["body"] })
  .refine((v) => v.evidence.length === 0 || Boolean(v.opportunityId), { message: "Evidence belongs to an opportunity.", path: ["evidence"] });
