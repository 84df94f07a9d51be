import "server-only";
import type { z } from "zod";
import { answerExcerpt, ROLE_LABELS, stateFromAnswer, type RecapAnswer, type RecapPoint } from "../../qualification";
import { recapToken, type respondRecapSchema } from "../../validation/recap";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError } from "../errors";
import { ipKey } from "../intake/rate-limit";
import { hit, type Limit } from "../rate-limit";
import { applyEvidence } from "../qualification/evidence";
import { rescore } from "../qualification/score-history";
import { loadQualificationSettings } from "../qualification/settings";
import { hashRecapToken } from "./token";
import { emitRecapResponded } from "../webhooks/emit";

/** Per address across all links (guessing tokens), and per address and link (hammering one). */
export const RECAP_LIMITS = {
  perIp: { max: 60, windowSeconds: 600 },
  perIpAndToken: { max: 20, windowSeconds: 600 },
} as const;

/** What the buyer's page shows: the recap and who sent it, nothing else of the deal or the organization. */
interface PublicRecap {
  organizationName: string;
  senderName: string;
  contactName: string;
  points: RecapPoint[];
  expiresAt: Date;
  respondedAt: Date | null;
}

export type RecapLookup = { kind: "ok"; recap: PublicRecap } | { kind: "not_found" } | { kind: "rate_limited" };

const gone = () => new AppError("NOT_FOUND", "This link is not valid any more. Ask the sender for a new one.");
const limited = () => new AppError("RATE_LIMITED", "Too many attempts from here just now. Please try again in a few minutes.");

async function countHit(token: string, ip: string, now: Date): Promise<boolean> {
  const who = ipKey(ip);
  const limits: Limit[] = [
    { key: `recap:ip:${who}`, ...RECAP_LIMITS.perIp },
    { key: `recap:ip-token:${who}:${hashRecapToken(token).slice(0, 24)}`, ...RECAP_LIMITS.perIpAndToken },
  ];
  return (await hit(db(), limits, now)) !== null;
}

/** A live (not revoked, not expired) recap by its raw token; every look-up counts against the rate limits. */
export async function loadRecapByToken({ token, ip, now }: { token: string; ip: string; now: Date }): Promise<RecapLookup> {
  if (await countHit(token, ip, now)) return { kind: "rate_limited" };
  if (!recapToken.safeParse(token).success) return { kind: "not_found" };
  const recap = await db().recap.findFirst({
    where: { tokenHash: hashRecapToken(token), revokedAt: null, expiresAt: { gt: now }, opportunity: { status: "open" } },
    select: { points: true, expiresAt: true, respondedAt: true, createdById: true, organizationId: true, contact: { select: { name: true } } },
  });
  if (!recap) return { kind: "not_found" };
  const [org, sender] = await Promise.all([
    db().organization.findUniqueOrThrow({ where: { id: recap.organizationId }, select: { name: true } }),
    db().user.findFirst({ where: { id: recap.createdById, organizationId: recap.organizationId }, select: { name: true } }),
  ]);
  return {
    kind: "ok",
    recap: {
      organizationName: org.name,
      senderName: sender?.name ?? org.name,
      contactName: recap.contact.name,
      points: recap.points as unknown as RecapPoint[],
      expiresAt: recap.expiresAt,
      respondedAt: recap.respondedAt,
    },
  };
}

type Respond = z.infer<typeof respondRecapSchema>;

const toAnswer = (a: Respond["answers"][number]): RecapAnswer =>
  a.kind === "confirm"
    ? { kind: "confirm" }
    : a.kind === "correct"
      ? { kind: "correct", text: a.text }
      : { kind: "not_right", outcome: a.outcome, text: a.text };

/**
 * The buyer's answers, once per link. Each goes through the one evidence path (basis rule, state change with
 * its history row, check-and-set) as the buyer's word; corrections and "not right" also leave a note in the
 * buyer's words. Then the deal is re-scored and the answer audited.
 */
export async function respondToRecap({ input, ip, now }: { input: Respond; ip: string; now: Date }): Promise<{ answered: number }> {
  if (await countHit(input.token, ip, now)) throw limited();
  const tokenHash = hashRecapToken(input.token);
  return db().$transaction(async (tx) => {
    const recap = await tx.recap.findUnique({ where: { tokenHash }, include: { contact: { select: { id: true, name: true } } } });
    if (!recap || recap.revokedAt || recap.expiresAt <= now) throw gone();
    // Claim the link in the statement that checks it: of two submissions (or a replay), one wins.
    const claimed = await tx.recap.updateMany({
      where: { id: recap.id, respondedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { respondedAt: now },
    });
    if (claimed.count === 0) throw new AppError("CONFLICT", "This recap has already been answered. Thank you!");
    const opportunity = await tx.opportunity.findFirst({
      where: { id: recap.opportunityId, organizationId: recap.organizationId, status: "open" },
      select: { id: true, accountId: true, pipelineId: true },
    });
    if (!opportunity) throw gone();
    const points = recap.points as unknown as RecapPoint[];
    const { framework } = await loadQualificationSettings(tx, recap.organizationId, opportunity.pipelineId);
    const roles = (
      await tx.stakeholder.findMany({ where: { opportunityId: opportunity.id, contactId: recap.contactId }, select: { role: true } })
    ).map((s) => ROLE_LABELS[s.role]);
    const person = `${recap.contact.name}${roles.length ? ` (${roles.join(", ")})` : ""}`;
    const actor = { id: recap.createdById, organizationId: recap.organizationId };

    for (const [index, raw] of input.answers.entries()) {
      const point = points.find((p) => p.criterionId === raw.criterionId);
      if (!point)
        throw new AppError("INVALID", "That point is not part of this recap.", {
          fieldErrors: { [`answers.${index}`]: ["Not part of this recap."] },
        });
      const answer = toAnswer(raw);
      const excerpt = answerExcerpt(point, answer);
      const verb = answer.kind === "confirm" ? "Confirmed" : answer.kind === "correct" ? "Corrected" : "Marked not right";
      const noteId =
        answer.kind === "confirm"
          ? null
          : (
              await tx.note.create({
                data: {
                  organizationId: recap.organizationId,
                  authorId: recap.createdById,
                  opportunityId: opportunity.id,
                  createdAt: now,
                  body: `${verb} by the buyer, ${person}, in a recap (${point.label}): "${excerpt}"`,
                },
              })
            ).id;
      const [evidenceId] = await applyEvidence(tx, {
        user: actor,
        opportunity,
        framework,
        noteId,
        now,
        entries: [{ criterionId: point.criterionId, contactId: recap.contactId, excerpt, answer }],
        reason: () => `${verb} by ${person} in a recap`,
      });
      await tx.recapResponse.create({
        data: {
          organizationId: recap.organizationId,
          recapId: recap.id,
          opportunityId: opportunity.id,
          criterionId: point.criterionId,
          answer: answer.kind,
          outcome: stateFromAnswer(answer),
          text: answer.kind === "confirm" ? null : answer.text,
          evidenceId,
          createdAt: now,
        },
      });
    }
    await tx.opportunity.update({ where: { id: opportunity.id }, data: { lastActivityAt: now } });
    await rescore(tx, recap.organizationId, opportunity.id, "recap_response", now);
    await recordAudit(tx, {
      organizationId: recap.organizationId,
      actorId: null,
      entityType: "recap",
      entityId: recap.id,
      action: "respond",
      after: {
        opportunityId: opportunity.id,
        contactId: recap.contactId,
        answers: input.answers.map((a) => ({ criterionId: a.criterionId, kind: a.kind })),
      },
      reason: `Answered by ${person}`,
    });
    await emitRecapResponded(tx, recap.organizationId, {
      recapId: recap.id,
      opportunityId: opportunity.id,
      contactId: recap.contactId,
      respondedAt: now,
      answers: input.answers.map((a) => ({ criterionId: a.criterionId, answer: a.kind, outcome: stateFromAnswer(a) })),
    });
    return { answered: input.answers.length };
  });
}
