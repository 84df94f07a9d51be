import { z } from "zod";
import { id, multilineText } from "./fields";
import { evidenceEntrySchema } from "./qualification";

export const logNoteSchema = z
  .object({
    opportunityId: id("Opportunity").optional(),
    accountId: id("Account").optional(),
    body: multilineText("Note", { min: 1, max: 10_000, required: "Write something before saving the note." }),
    /** Criteria this note gives evidence for (opportunity notes only). */
    evidence: z.array(evidenceEntrySchema).max(20, "At most 20 pieces of evidence per note.").default([]),
  })
  .refine((v) => Boolean(v.opportunityId ?? v.accountId), { message: "A note belongs to an opportunity or an account.", path: ["body"] })
  .refine((v) => v.evidence.length === 0 || Boolean(v.opportunityId), { message: "Evidence belongs to an opportunity.", path: ["evidence"] });
