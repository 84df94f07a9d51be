import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db";
import { assess, assessInputs, loadForAssessment } from "../../lib/server/qualification/assess";
import { loadDealBatch } from "../../lib/server/qualification/batch-load";
import { loadQualificationSettings } from "../../lib/server/qualification/settings";
import { toAccountProfile, toSnapshot } from "../../lib/server/qualification/snapshot";
import { createAccountFor, createContactFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";

let t: Tenant;

beforeEach(async () => {
  t = await createTenant("Batch");
});

/** A deal with something in every relation the engine reads, including nulls, dates and a revoked override. */
async function fullDeal() {
  const account = await db().account.update({
    where: { id: (await createAccountFor(t.rep, { employeeCount: 800 })).id },
    data: { region: "EMEA", country: "DE", techStack: ["postgres", "kafka"], hiringSignals: ["data"], fundingStage: "series_b" },
  });
  const deal = await createOpportunityFor(t.rep, account.id, { stage: "discovery", amount: 12_345.67 });
  await db().opportunity.update({
    where: { id: deal.id },
    data: {
      repConfidence: 70,
      expectedCloseDate: new Date("2027-01-15"),
      originalCloseDate: new Date("2026-12-20"),
      lastActivityAt: new Date("2026-11-01T10:11:12.345Z"),
    },
  });
  const [champion, buyer] = await Promise.all([
    createContactFor(t.rep, account.id, "Chris Champion"),
    createContactFor(t.rep, account.id, "Bea Buyer"),
  ]);
  const org = t.org.id;
  await db().criterionState.createMany({
    data: [
      { organizationId: org, opportunityId: deal.id, criterionId: "identify_pain", state: "verified", updatedById: t.rep.id },
      { organizationId: org, opportunityId: deal.id, criterionId: "metrics", state: "claimed", updatedById: t.rep.id },
    ],
  });
  await db().evidence.createMany({
    data: [
      {
        organizationId: org,
        opportunityId: deal.id,
        criterionId: "identify_pain",
        state: "verified",
        excerpt: "Pain named",
        capturedById: t.rep.id,
        contactId: champion.id,
        capturedAt: new Date("2026-10-01T08:00:00.123Z"),
        verifiedById: t.manager.id,
        verifiedAt: new Date("2026-10-02T09:00:00Z"),
        basis: "document",
        documentRef: "doc-1",
      },
      {
        organizationId: org,
        opportunityId: deal.id,
        criterionId: "identify_pain",
        state: "claimed",
        excerpt: "Second word",
        capturedById: t.rep.id,
        capturedAt: new Date("2026-10-05T08:00:00Z"),
        challengedById: t.manager.id,
        challengedAt: new Date("2026-10-06T08:00:00Z"),
      },
      {
        organizationId: org,
        opportunityId: deal.id,
        criterionId: "metrics",
        state: "claimed",
        excerpt: "Saves 10h",
        capturedById: t.rep.id,
        capturedAt: new Date("2026-09-01T08:00:00Z"),
      },
    ],
  });
  await db().stakeholder.createMany({
    data: [
      {
        organizationId: org,
        opportunityId: deal.id,
        contactId: champion.id,
        role: "champion",
        championTested: true,
        lastEngagedAt: new Date("2026-11-20T12:00:00Z"),
        addedById: t.rep.id,
        addedAt: new Date("2026-09-01T00:00:00Z"),
      },
      {
        organizationId: org,
        opportunityId: deal.id,
        contactId: buyer.id,
        role: "economic_buyer",
        addedById: t.rep.id,
        addedAt: new Date("2026-09-02T00:00:00Z"),
      },
    ],
  });
  await db().gateOverride.createMany({
    data: [
      {
        organizationId: org,
        opportunityId: deal.id,
        stageKey: "discovery",
        byId: t.manager.id,
        reason: "Board asked",
        expiresAt: new Date("2026-12-30T00:00:00Z"),
      },
      {
        organizationId: org,
        opportunityId: deal.id,
        stageKey: "solution",
        byId: t.manager.id,
        reason: "Revoked one",
        expiresAt: new Date("2026-12-30T00:00:00Z"),
        revokedAt: new Date(),
        revokedById: t.manager.id,
      },
    ],
  });
  return deal;
}

describe("loadDealBatch (the background passes' one-statement read)", () => {
  it("gives the engine exactly the inputs the per-deal Prisma load gives, so scores do not depend on the door", async () => {
    const deal = await fullDeal();
    const lost = await createOpportunityFor(t.rep, (await createAccountFor(t.rep, { name: "Lost Co" })).id, { stage: "proposal" });
    await db().opportunity.update({ where: { id: lost.id }, data: { stage: "closed_lost", status: "lost" } });
    await db().stageChange.create({
      data: {
        organizationId: t.org.id,
        opportunityId: lost.id,
        fromStage: "proposal",
        toStage: "closed_lost",
        actorId: t.rep.id,
        outcome: "allowed",
      },
    });

    const batch = await loadDealBatch(db(), t.org.id, { cursor: null, size: 10 });
    expect(batch.map((d) => d.snapshot.id)).toEqual([deal.id, lost.id].sort());
    const settings = await loadQualificationSettings(db(), t.org.id, null);
    const now = new Date("2026-12-02T08:00:00Z");
    for (const loaded of batch) {
      const row = await loadForAssessment(db(), t.org.id, loaded.snapshot.id);
      expect(loaded.snapshot).toEqual(toSnapshot(row));
      expect(loaded.account).toEqual(toAccountProfile(row.account));
      expect(assessInputs(loaded.account, loaded.snapshot, settings, now)).toEqual(assess(row, settings, now));
    }
    expect(batch.find((d) => d.snapshot.id === lost.id)?.snapshot.lostFromStageId).toBe("proposal");
  });

  it("pages by id after the cursor, filters by status and stays inside the organization", async () => {
    const other = await createTenant("Other");
    const account = await createAccountFor(t.rep);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await createOpportunityFor(t.rep, account.id, { name: `D${i}` })).id);
    await createOpportunityFor(other.rep, (await createAccountFor(other.rep)).id);
    ids.sort();
    const first = await loadDealBatch(db(), t.org.id, { cursor: null, size: 2 });
    expect(first.map((d) => d.snapshot.id)).toEqual(ids.slice(0, 2));
    const rest = await loadDealBatch(db(), t.org.id, { cursor: ids[1] ?? null, size: 2 });
    expect(rest.map((d) => d.snapshot.id)).toEqual(ids.slice(2));
    expect(await loadDealBatch(db(), t.org.id, { cursor: null, size: 10, status: "won" })).toEqual([]);
    expect(rest[0]?.stored?.contentHash).toMatch(/\S/);
  });
});
