import "server-only";
import { ROLE_LABELS } from "../../qualification";
import { db } from "../db";
import { notFound } from "../errors";
import { loadAllPipelineSettings } from "../qualification/settings";
import { inOrg } from "../scope";
import type { SessionUser } from "../session";

/** How many statements and notes the page lists; older ones stay on the deals' timelines. */
const RECENT = 30;

/**
 * A contact's page: the person, their account, the deals where they sit on the buying committee (and in which
 * role), what they said that was recorded as evidence, and the notes those statements came from.
 */
export async function getContactDetail(user: SessionUser, id: string) {
  const client = db();
  const contact = await client.contact.findFirst({
    where: inOrg(user, { id }),
    include: {
      account: { select: { id: true, name: true } },
      stakeholders: {
        orderBy: { addedAt: "desc" },
        select: { id: true, role: true, opportunity: { select: { id: true, name: true, status: true, stage: true, pipelineId: true } } },
      },
      evidence: {
        orderBy: { capturedAt: "desc" },
        take: RECENT,
        select: {
          id: true,
          criterionId: true,
          state: true,
          excerpt: true,
          capturedAt: true,
          opportunity: { select: { id: true, name: true, pipelineId: true } },
          note: { select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
        },
      },
    },
  });
  if (!contact) throw notFound("Contact");
  // Each deal reads its labels from its own pipeline's framework and stages.
  const settings = await loadAllPipelineSettings(client, user.organizationId);
  const criterion = (pipelineId: string, criterionId: string) =>
    settings.get(pipelineId)?.framework.criteria.find((c) => c.id === criterionId)?.label ?? "A criterion no longer in the framework";
  const stage = (pipelineId: string, stageId: string) =>
    settings.get(pipelineId)?.pipeline.stages.find((s) => s.id === stageId)?.label ?? "A stage no longer in the pipeline";

  const notes = new Map<string, { id: string; body: string; createdAt: Date; authorName: string }>();
  for (const e of contact.evidence)
    if (e.note) notes.set(e.note.id, { id: e.note.id, body: e.note.body, createdAt: e.note.createdAt, authorName: e.note.author.name });

  return {
    id: contact.id,
    name: contact.name,
    title: contact.title,
    email: contact.email,
    phone: contact.phone,
    account: contact.account,
    deals: contact.stakeholders.map((s) => ({
      key: s.id,
      id: s.opportunity.id,
      name: s.opportunity.name,
      status: s.opportunity.status,
      stageLabel: stage(s.opportunity.pipelineId, s.opportunity.stage),
      roleLabel: ROLE_LABELS[s.role],
    })),
    statements: contact.evidence.map((e) => ({
      id: e.id,
      excerpt: e.excerpt,
      state: e.state,
      capturedAt: e.capturedAt,
      criterionLabel: criterion(e.opportunity.pipelineId, e.criterionId),
      deal: { id: e.opportunity.id, name: e.opportunity.name },
    })),
    notes: [...notes.values()],
  };
}
