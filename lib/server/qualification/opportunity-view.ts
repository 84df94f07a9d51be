import "server-only";
import { cache } from "react";
import { can } from "../../permissions";
import { db } from "../db";
import { findHeld } from "../pipeline/held";
import { listRecaps } from "../recaps/list";
import type { SessionUser } from "../session";
import { assess, loadForAssessment } from "./assess";
import { loadReviewQueue } from "./review-queue";
import { loadQualificationSettings } from "./settings";

/** One entry of a deal's timeline: everything that happened to it, in one shape, newest first. */
export type TimelineEntry = { id: string; at: Date; actor: string | null } & (
  | { kind: "note"; body: string }
  | { kind: "criterion"; criterionId: string; from: string; to: string; reason: string | null }
  | { kind: "stage"; from: string; to: string; outcome: "allowed" | "overridden"; reason: string | null; blockers: Array<{ message: string }> }
  | { kind: "override"; stageKey: string; reason: string; expiresAt: Date }
  | { kind: "score"; fit: number; intent: number; verdict: string; trigger: string }
  | { kind: "activity"; activityKind: string; channel: string | null; summary: string; contactName: string; happenedAt: Date }
  | {
      kind: "recap";
      event: "created" | "revoked" | "confirm" | "correct" | "not_right";
      contactName: string;
      criterionId: string | null;
      text: string | null;
    }
);

/** Everything the opportunity page shows, loaded once per request. */
export const loadOpportunityView = cache(async (user: SessionUser, opportunityId: string) => {
  const now = new Date();
  const client = db();
  const row = await loadForAssessment(client, user.organizationId, opportunityId);
  const settings = await loadQualificationSettings(client, user.organizationId, row.pipelineId);
  const [owner, contacts, notes, criterionChanges, stageChanges, scores, users, activities, reviewQueue, recaps] = await Promise.all([
    client.user.findUniqueOrThrow({ where: { id: row.ownerId }, select: { id: true, name: true } }),
    client.contact.findMany({
      where: { organizationId: user.organizationId, accountId: row.accountId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, title: true, email: true },
    }),
    client.note.findMany({
      where: { opportunityId: row.id },
      orderBy: { createdAt: "desc" },
      take: 100,
      include: { author: { select: { name: true } } },
    }),
    client.criterionChange.findMany({ where: { opportunityId: row.id }, orderBy: { at: "desc" }, take: 100 }),
    client.stageChange.findMany({ where: { opportunityId: row.id }, orderBy: { at: "desc" }, take: 100 }),
    client.scoreSnapshot.findMany({ where: { opportunityId: row.id }, orderBy: { at: "desc" }, take: 100 }),
    client.user.findMany({ where: { organizationId: user.organizationId }, select: { id: true, name: true } }),
    client.stakeholderActivity.findMany({ where: { opportunityId: row.id }, orderBy: { recordedAt: "desc" }, take: 100 }),
    can(user.role, "evidence.review")
      ? loadReviewQueue(client, user.organizationId, settings.framework, { opportunityId: row.id })
      : Promise.resolve([]),
    listRecaps(client, user.organizationId, row.id, now),
  ]);
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const actor = (id: string | null) => (id ? (nameOf.get(id) ?? "Former user") : null);

  const timeline: TimelineEntry[] = [
    ...notes.map((n): TimelineEntry => ({ kind: "note", id: n.id, at: n.createdAt, actor: n.author.name, body: n.body })),
    ...criterionChanges.map((c): TimelineEntry => ({
      kind: "criterion",
      id: c.id,
      at: c.at,
      actor: actor(c.actorId),
      criterionId: c.criterionId,
      from: c.fromState,
      to: c.toState,
      reason: c.reason,
    })),
    ...stageChanges.map((s): TimelineEntry => ({
      kind: "stage",
      id: s.id,
      at: s.at,
      actor: actor(s.actorId),
      from: s.fromStage,
      to: s.toStage,
      outcome: s.outcome,
      reason: s.reason,
      blockers: Array.isArray(s.blockers) ? (s.blockers as Array<{ message: string }>) : [],
    })),
    ...row.overrides.map((o): TimelineEntry => ({
      kind: "override",
      id: o.id,
      at: o.createdAt,
      actor: actor(o.byId),
      stageKey: o.stageKey,
      reason: o.reason,
      expiresAt: o.expiresAt,
    })),
    ...scores.map((s): TimelineEntry => ({
      kind: "score",
      id: s.id,
      at: s.at,
      actor: null,
      fit: s.fit,
      intent: s.intent,
      verdict: s.verdict,
      trigger: s.trigger,
    })),
    ...activities.map((a): TimelineEntry => ({
      kind: "activity",
      id: a.id,
      at: a.recordedAt,
      actor: actor(a.recordedById),
      activityKind: a.kind,
      channel: a.channel,
      summary: a.summary,
      contactName: contacts.find((c) => c.id === a.contactId)?.name ?? "a former contact",
      happenedAt: a.happenedAt,
    })),
    ...recaps.flatMap((r): TimelineEntry[] => [
      {
        kind: "recap",
        id: `${r.id}-created`,
        at: r.createdAt,
        actor: actor(r.createdById),
        event: "created",
        contactName: r.contactName,
        criterionId: null,
        text: null,
      },
      ...r.responses.map((x): TimelineEntry => ({
        kind: "recap",
        id: x.id,
        at: x.createdAt,
        actor: r.contactName,
        event: x.answer,
        contactName: r.contactName,
        criterionId: x.criterionId,
        text: x.text,
      })),
      ...(r.revokedAt
        ? [
            {
              kind: "recap" as const,
              id: `${r.id}-revoked`,
              at: r.revokedAt,
              actor: actor(r.revokedById),
              event: "revoked" as const,
              contactName: r.contactName,
              criterionId: null,
              text: null,
            },
          ]
        : []),
    ]),
  ].sort((a, b) => b.at.getTime() - a.at.getTime() || a.kind.localeCompare(b.kind));

  const assessment = assess(row, settings, now);
  const wishcasting = assessment.wishcasting;
  // A stage edit that could not carry the deal past a gate holds it there, flagged until its next move.
  const held = (await findHeld(client, user.organizationId, [row])).get(row.id) ?? null;
  return { row, owner, settings, assessment, contacts, timeline, now, users, reviewQueue, wishcasting, recaps, held };
});
