import { beforeEach, describe, expect, it } from "vitest";
import { advanceStageAction } from "../../lib/actions/opportunities/advance-stage";
import { reviewEvidenceAction } from "../../lib/actions/qualification/review-evidence";
import { FRAMEWORKS } from "../../lib/qualification";
import { db } from "../../lib/server/db";
import { loadReviewQueue } from "../../lib/server/qualification/review-queue";
import { auditRows, createAccountFor, createContactFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let t: Tenant;
let oppId: string;

/** A deal in Proposal whose economic buyer was verified on the rep's word alone (as older data is). */
beforeEach(async () => {
  t = await createTenant("Review");
  const accountId = (await createAccountFor(t.rep)).id;
  oppId = (await createOpportunityFor(t.rep, accountId, { stage: "proposal" })).id;
  const org = t.org.id;
  const at = new Date();
  await db().evidence.create({
    data: {
      organizationId: org,
      opportunityId: oppId,
      criterionId: "economic_buyer",
      state: "verified",
      excerpt: "The economic buyer has NOT seen pricing yet",
      capturedAt: at,
      capturedById: t.rep.id,
      verifiedById: t.rep.id,
      verifiedAt: at,
    },
  });
  await db().criterionState.create({
    data: { organizationId: org, opportunityId: oppId, criterionId: "economic_buyer", state: "verified", updatedById: t.rep.id },
  });
  const cfo = await createContactFor(t.rep, accountId, "Dana CFO");
  await db().stakeholder.create({
    data: { organizationId: org, opportunityId: oppId, contactId: cfo.id, role: "economic_buyer", addedById: t.rep.id, lastEngagedAt: at },
  });
});

const queue = () => loadReviewQueue(db(), t.org.id, FRAMEWORKS.meddpicc);

describe("manager evidence review", () => {
  it("lists a self-attested verification, flagged when its words contradict it", async () => {
    const items = await queue();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      opportunityId: oppId,
      criterionId: "economic_buyer",
      basis: "self_attested",
      knownHow: "Self-attested by the deal owner",
    });
    expect(items[0]?.contradiction).toMatch(/not … pricing/);
  });

  it("keeps the late-stage gate shut on self-attestation until a manager accepts it", async () => {
    actAs(t.rep);
    const blocked = await advanceStageAction({ opportunityId: oppId, toStage: "negotiation", version: 1 });
    const codes = (blocked?.serverError?.details as { blockers: Array<{ code: string; criterionId?: string }> }).blockers.map(
      (b) => `${b.code}:${b.criterionId ?? ""}`,
    );
    expect(codes).toContain("criterion_basis_weak:economic_buyer");

    actAs(t.manager);
    expect((await reviewEvidenceAction({ opportunityId: oppId, criterionId: "economic_buyer", op: "accept" }))?.data?.id).toBe(oppId);
    expect(await db().evidence.findFirstOrThrow({ where: { opportunityId: oppId } })).toMatchObject({
      basis: "manager_reviewed",
      reviewedById: t.manager.id,
    });
    expect(await queue()).toEqual([]);
    actAs(t.rep);
    const after = await advanceStageAction({ opportunityId: oppId, toStage: "negotiation", version: 1 });
    const left =
      (after?.serverError?.details as { blockers: Array<{ code: string; criterionId?: string }> } | undefined)?.blockers.map(
        (b) => `${b.code}:${b.criterionId ?? ""}`,
      ) ?? [];
    expect(left).not.toContain("criterion_basis_weak:economic_buyer");
    expect((await auditRows((await db().evidence.findFirstOrThrow({ where: { opportunityId: oppId } })).id)).map((a) => a.action)).toEqual([
      "accept",
    ]);
  });

  it("a challenge drops the criterion to claimed, tells the rep on the deal, and is audited and in the history", async () => {
    actAs(t.manager);
    const short = await reviewEvidenceAction({ opportunityId: oppId, criterionId: "economic_buyer", op: "challenge", reason: "no" });
    expect(short?.validationErrors).toBeTruthy();
    expect(
      (
        await reviewEvidenceAction({
          opportunityId: oppId,
          criterionId: "economic_buyer",
          op: "challenge",
          reason: "The note says the CFO has not seen pricing",
        })
      )?.data?.id,
    ).toBe(oppId);
    expect((await db().criterionState.findFirstOrThrow({ where: { opportunityId: oppId } })).state).toBe("claimed");
    expect(await db().note.findFirstOrThrow({ where: { opportunityId: oppId } })).toMatchObject({
      authorId: t.manager.id,
      body: "Evidence challenged (Economic buyer): The note says the CFO has not seen pricing",
    });
    expect(await db().criterionChange.findFirstOrThrow({ where: { opportunityId: oppId } })).toMatchObject({
      fromState: "verified",
      toState: "claimed",
      actorId: t.manager.id,
    });
    expect(await queue()).toEqual([]);
    // A replay has nothing left to review.
    expect(
      (await reviewEvidenceAction({ opportunityId: oppId, criterionId: "economic_buyer", op: "challenge", reason: "Again, the same reason" }))
        ?.serverError?.code,
    ).toBe("CONFLICT");
  });

  it("refuses reps (even the owner), other organizations, and anonymous callers", async () => {
    actAs(t.rep);
    expect((await reviewEvidenceAction({ opportunityId: oppId, criterionId: "economic_buyer", op: "accept" }))?.serverError?.code).toBe("FORBIDDEN");
    const other = await createTenant("Elsewhere");
    actAs(other.manager);
    expect((await reviewEvidenceAction({ opportunityId: oppId, criterionId: "economic_buyer", op: "accept" }))?.serverError?.code).toBe("NOT_FOUND");
    actAs(null);
    expect((await reviewEvidenceAction({ opportunityId: oppId, criterionId: "economic_buyer", op: "accept" }))?.serverError?.code).toBe(
      "UNAUTHENTICATED",
    );
    expect((await db().evidence.findFirstOrThrow({ where: { opportunityId: oppId } })).basis).toBe("self_attested");
    expect(await loadReviewQueue(db(), other.org.id, FRAMEWORKS.meddpicc)).toEqual([]);
  });
});
