import { z } from "zod";
import { id } from "./fields";

export const logNoteSchema = z
  .object({
    opportunityId: id("Opportunity").optional(),
    accountId: id("Account").optional(),
    body: z.string().trim().min(1, "Write something before saving the note.").max(10_000, "Notes are limited to 10,000 characters."),
  })
  .refine((v) => Boolean(v.opportunityId ?? v.accountId), { message: "A note belongs to an opportunity or an account.", path: ["body"] });
