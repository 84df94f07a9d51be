import "server-only";
import { basisRank, findContradiction, ROLE_LABELS, type EvidenceBasis, type Framework } from "../../qualification";
import { can } from "../../permissions";
import { db, type PrismaClient, type Tx } from "../db";
import type { SessionUser } from "../session";
import { loadAllPipelineSettings } from "./settings";

/** One verification that rests on the rep's record, waiting for a manager. */
export interface ReviewItem {
  opportunityId: string;
  opportunityName: string;
  ownerName: string;
  criterionId: string;
  criterionLabel: string;
  basis: EvidenceBasis;
  /** How it is known, in words ("Self-attested by the deal owner", "Stated by Dana Ruiz, Economic buyer"). */
  knownHow: string;
  excerpt: string;
  capturedAt: Date;
  /** Set when the excerpt says the opposite of "verified". */
  contradiction: string | null;
}

/**
 * Verifications of open deals not yet confirmed by the buyer or reviewed by a manager: contradicted ones first,
 * then those on the owner's word alone, then those on a contact or document the rep recorded; oldest first.
 */
export async function loadReviewQueue(
  client: PrismaClient | Tx,
  organizationId: string,
  framework: Framework,
  filter: { opportunityId?: string; ownerId?: string } = {},
  limit = 50,
): Promise<ReviewItem[]> {
  const rows = await client.evidence.findMany({
    where: {
      organizationId,
      state: "verified",
      challengedAt: null,
      basis: { in: ["self_attested", "contact_statement", "document"] },
      opportunity: { status: "open", ...(filter.opportunityId && { id: filter.opportunityId }), ...(filter.ownerId && { ownerId: filter.ownerId }) },
    },
    orderBy: { capturedAt: "desc" },
    take: 500,
    include: {
      contact: { select: { name: true, stakeholders: { select: { role: true, opportunityId: true } } } },
      opportunity: {
        select: {
          name: true,
          owner: { select: { name: true } },
          criteria: { where: { state: "verified" }, select: { criterionId: true } },
          evidence: { where: { state: "verified", challengedAt: null }, select: { criterionId: true, basis: true } },
        },
      },
    },
  });
  const seen = new Set<string>();
  const items: ReviewItem[] = [];
  for (const e of rows) {
    const key = `${e.opportunityId}:${e.criterionId}`;
    const def = framework.criteria.find((c) => c.id === e.criterionId);
    if (!def || seen.has(key)) continue;
    seen.add(key);
    if (!e.opportunity.criteria.some((c) => c.criterionId === e.criterionId)) continue;
    // Already confirmed by the buyer or a manager through another piece of evidence: nothing to review.
    if (e.opportunity.evidence.some((o) => o.criterionId === e.criterionId && basisRank(o.basis) === 2)) continue;
    const roles = e.contact?.stakeholders.filter((s) => s.opportunityId === e.opportunityId).map((s) => ROLE_LABELS[s.role]) ?? [];
    const knownHow =
      e.basis === "document"
        ? `Document: ${e.documentRef ?? ""}`
        : e.basis === "contact_statement" && e.contact
          ? `Stated by ${e.contact.name}${roles.length ? `, ${roles.join(", ")}` : ""}`
          : "Self-attested by the deal owner";
    items.push({
      opportunityId: e.opportunityId,
      opportunityName: e.opportunity.name,
      ownerName: e.opportunity.owner.name,
      criterionId: e.criterionId,
      criterionLabel: def.label,
      basis: e.basis,
      knownHow,
      excerpt: e.excerpt,
      capturedAt: e.capturedAt,
      contradiction: findContradiction(def, "verified", e.excerpt)?.text ?? null,
    });
  }
  const rank = (i: ReviewItem) => (i.contradiction ? 0 : 1 + basisRank(i.basis));
  return items.sort((a, b) => rank(a) - rank(b) || a.capturedAt.getTime() - b.capturedAt.getTime()).slice(0, limit);
}

/** The dashboard's review queue: managers and admins only (others get none), optionally one owner's deals. */
export async function getReviewQueue(user: SessionUser, ownerId?: string): Promise<ReviewItem[]> {
  if (!can(user.role, "evidence.review")) return [];
  // Deals of every pipeline are reviewed here: each criterion is known by the first framework that defines it.
  const all = [...(await loadAllPipelineSettings(db(), user.organizationId)).values()];
  const byId = new Map(
    all
      .flatMap((s) => s.framework.criteria)
      .map((c) => [c.id, c] as const)
      .reverse(),
  );
  const first = all[0];
  if (!first) return [];
  const framework = { ...first.framework, criteria: [...byId.values()] };
  return loadReviewQueue(db(), user.organizationId, framework, { ...(ownerId && { ownerId }) });
}
