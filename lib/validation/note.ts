import * as z from "zod/mini";
import { id, multilineText } from "./fields";
import { evidenceEntrySchema } from "./qualification";

export const logNoteSchema = z
  .object({
    opportunityId: z.optional(id("Opportunity")),
    accountId: z.optional(id("Account")),
    body: multilineText("Note", { min: 1, max: 10_000, required: "Write something before saving the note." }),
    /** Criteria this note gives evidence for (opportunity notes only). */
    evidence: z._default(z.array(evidenceEntrySchema).check(z.maxLength(20, "At most 20 pieces of evidence per note.")), []),
  })
  .check(
    z.refine((v) => Boolean(v.opportunityId ?? v.accountId), { message: "A note belongs to an opportunity or an account.", path: ["body"] }),
    z.refine((v) => v.evidence.length === 0 || Boolean(v.opportunityId), { message: "Evidence belongs to an opportunity.", path: ["evidence"] }),
  );
