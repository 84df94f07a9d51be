import * as z from "zod/mini";
import { MAX_RECAP_POINTS } from "../qualification/recap";
import { id, multilineText, preprocess } from "./fields";

const pointText = multilineText("Point", { min: 1, max: 1000, required: "Write what you understand, or leave the point out." });

/** A rep's recap for one buyer contact: the points as edited before sending. */
export const createRecapSchema = z.object({
  opportunityId: id("Opportunity"),
  contactId: id("Contact"),
  points: z.array(z.object({ criterionId: id("Criterion"), text: pointText }), { error: "Add at least one point." }).check(
    z.minLength(1, "Add at least one point."),
    z.maxLength(MAX_RECAP_POINTS, `A recap holds at most ${MAX_RECAP_POINTS} points.`),
    z.refine((points) => new Set(points.map((p) => p.criterionId)).size === points.length, "Each criterion can appear once."),
  ),
  /** Also email the link to the contact (only when the server has SMTP settings). */
  email: z._default(z.boolean(), false),
});

export const revokeRecapSchema = z.object({ recapId: id("Recap") });

/** A recap link's token: 32 random bytes, base64url (43 characters). */
export const recapToken = z.string({ error: "This link is not valid." }).check(z.regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid."));

const buyerWords = multilineText("Your words", { min: 1, max: 1000, required: "Say what is right instead." });

const recapAnswerSchema = z.discriminatedUnion("kind", [
  z.object({ criterionId: id("Point"), kind: z.literal("confirm") }),
  z.object({ criterionId: id("Point"), kind: z.literal("correct"), text: buyerWords }),
  z.object({
    criterionId: id("Point"),
    kind: z.literal("not_right"),
    outcome: z.enum(["negative", "unknown"], { error: "Say whether it is not the case, or not decided yet." }),
    text: preprocess((v) => (v === "" ? null : v), z._default(z.nullable(multilineText("Your words", { max: 1000 })), null)),
  }),
]);

/** The buyer's answers: one per point at most, at least one. */
export const respondRecapSchema = z.object({
  token: recapToken,
  answers: z.array(recapAnswerSchema, { error: "Answer at least one point." }).check(
    z.minLength(1, "Answer at least one point."),
    z.maxLength(MAX_RECAP_POINTS),
    z.refine((answers) => new Set(answers.map((a) => a.criterionId)).size === answers.length, "Answer each point once."),
  ),
});
