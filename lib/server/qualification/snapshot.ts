import type { AccountProfile, CriterionEvidence, OpportunitySnapshot, StakeholderRole } from "../../qualification";
import type { Prisma } from "../generated/prisma/client";

/** Everything about a deal that its assessment reads, in one query. */
export const assessmentInclude = {
  account: true,
  criteria: true,
  evidence: { orderBy: { capturedAt: "asc" } },
  stakeholders: { include: { contact: { select: { id: true, name: true, title: true } } }, orderBy: { addedAt: "asc" } },
  overrides: { where: { revokedAt: null }, orderBy: { createdAt: "asc" } },
  // The latest move: see lostFromStage.
  stageChanges: { orderBy: { at: "desc" }, take: 1, select: { fromStage: true, toStage: true } },
} as const satisfies Prisma.OpportunityInclude;

export type OpportunityForAssessment = Prisma.OpportunityGetPayload<{ include: typeof assessmentInclude }>;

export function toAccountProfile(account: OpportunityForAssessment["account"]): AccountProfile {
  return {
    industry: account.industry,
    employeeCount: account.employeeCount,
    country: account.country,
    region: account.region,
    techStack: account.techStack,
    fundingStage: account.fundingStage,
    hiringSignals: account.hiringSignals,
  };
}

export function toSnapshot(row: OpportunityForAssessment): OpportunitySnapshot {
  const evidenceByCriterion = new Map<string, CriterionEvidence["evidence"]>();
  for (const e of row.evidence) {
    const items = evidenceByCriterion.get(e.criterionId) ?? [];
    items.push({
      noteId: e.noteId,
      excerpt: e.excerpt,
      contactId: e.contactId,
      capturedAt: e.capturedAt,
      verifiedBy: e.verifiedById,
      verifiedAt: e.verifiedAt,
      basis: e.basis,
      documentRef: e.documentRef,
      challenged: e.challengedAt !== null,
    });
    evidenceByCriterion.set(e.criterionId, items);
  }
  return {
    id: row.id,
    stageId: row.stage,
    status: row.status,
    amount: Number(row.amount),
    repConfidence: row.repConfidence,
    expectedCloseDate: row.expectedCloseDate,
    originalCloseDate: row.originalCloseDate,
    createdAt: row.createdAt,
    lastActivityAt: row.lastActivityAt,
    criteria: row.criteria.map((c) => ({ criterionId: c.criterionId, state: c.state, evidence: evidenceByCriterion.get(c.criterionId) ?? [] })),
    stakeholders: row.stakeholders.map((s) => ({
      contactId: s.contactId,
      name: s.contact.name,
      role: s.role satisfies StakeholderRole,
      lastEngagedAt: s.lastEngagedAt,
      championTested: s.championTested,
      addedAt: s.addedAt,
    })),
    overrides: row.overrides.map((o) => ({ stageId: o.stageKey, by: o.byId, reason: o.reason, expiresAt: o.expiresAt, createdAt: o.createdAt })),
    lostFromStageId: lostFromStage(row.status, row.stage, row.stageChanges[0] ?? null),
  };
}

/** For a lost deal, the stage it was lost from (its latest move ended in its current stage): reopening may not skip the gates after it. */
export function lostFromStage(status: string, stage: string, lastMove: { fromStage: string; toStage: string } | null): string | null {
  return status === "lost" && lastMove?.toStage === stage ? lastMove.fromStage : null;
}
