import { describe, expect, it } from "vitest";
import { advanceStageAction } from "../../lib/actions/opportunities/advance-stage";
import type { GateRequirement } from "../../lib/qualification";
import { db } from "../../lib/server/db";
import type { SessionUser } from "../../lib/server/session";
import { createAccountFor, createContactFor, createOpportunityFor, createTenant, qualificationRows } from "../fixtures/tenants";
import { actAs } from "./setup";

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

interface Deal {
  user: SessionUser;
  opportunityId: string;
  accountId: string;
}

async function evidence(deal: Deal, criterionId: string, state: "claimed" | "verified" | "negative", capturedAt = daysAgo(1)) {
  const { user, opportunityId } = deal;
  await db().evidence.create({
    data: {
      organizationId: user.organizationId,
      opportunityId,
      criterionId,
      state,
      excerpt: "From the call",
      capturedAt,
      capturedById: user.id,
      ...(state === "verified" && { verifiedById: user.id, verifiedAt: capturedAt }),
    },
  });
  await db().criterionState.create({ data: { organizationId: user.organizationId, opportunityId, criterionId, state, updatedById: user.id } });
}

async function stakeholder(deal: Deal, role: "economic_buyer" | "champion", patch: { lastEngagedAt?: Date; championTested?: boolean } = {}) {
  const contact = await createContactFor(deal.user, deal.accountId, role);
  await db().stakeholder.create({
    data: {
      organizationId: deal.user.organizationId,
      opportunityId: deal.opportunityId,
      contactId: contact.id,
      role,
      addedById: deal.user.id,
      lastEngagedAt: patch.lastEngagedAt ?? null,
      championTested: patch.championTested ?? false,
    },
  });
}

/** Each row: the one exit requirement of stage "gate", how the deal falls short of it, and the blocker the server must name. */
const cases: Array<[string, GateRequirement, (deal: Deal) => Promise<void>, string]> = [
  ["a criterion nobody has evidence for", { kind: "criterion", criterionId: "metrics", atLeast: "claimed" }, async () => {}, "criterion_missing"],
  [
    "a claim where verification is required",
    { kind: "criterion", criterionId: "metrics", atLeast: "verified" },
    (d) => evidence(d, "metrics", "claimed"),
    "criterion_not_verified",
  ],
  [
    "a criterion the prospect said no to",
    { kind: "criterion", criterionId: "metrics", atLeast: "claimed" },
    (d) => evidence(d, "metrics", "negative"),
    "criterion_negative",
  ],
  [
    "evidence older than its freshness window",
    { kind: "criterion", criterionId: "champion", atLeast: "claimed" },
    (d) => evidence(d, "champion", "verified", daysAgo(45)),
    "criterion_stale",
  ],
  [
    "an account below the minimum fit",
    { kind: "min_fit", score: 50 },
    async (d) => {
      await db().icpVersion.create({
        data: {
          organizationId: d.user.organizationId,
          version: 1,
          pursueThreshold: 50,
          rules: [{ id: "r", label: "Healthcare", kind: "industry_in", industries: ["Healthcare"], weight: 1, knockout: false }],
        },
      });
    },
    "fit_below_min",
  ],
  ["intent below the minimum", { kind: "min_intent", score: 70 }, (d) => evidence(d, "metrics", "claimed"), "intent_below_min"],
  ["no economic buyer on the committee", { kind: "stakeholder", role: "economic_buyer" }, async () => {}, "stakeholder_missing"],
  [
    "an economic buyer not engaged recently",
    { kind: "stakeholder", role: "economic_buyer", engagedWithinDays: 30 },
    (d) => stakeholder(d, "economic_buyer", { lastEngagedAt: daysAgo(60) }),
    "stakeholder_not_engaged",
  ],
  [
    "a champion nobody has tested",
    { kind: "champion_tested" },
    (d) => stakeholder(d, "champion", { lastEngagedAt: daysAgo(1) }),
    "champion_untested",
  ],
];

describe("every kind of gate requirement is enforced by the server", () => {
  it.each(cases)("refuses a move past %s", async (_title, requirement, fallShort, expectedCode) => {
    const tenant = await createTenant("Kinds");
    const stages = [
      { key: "gate", label: "Gate", kind: "open", probability: 0.2, exit: [requirement] },
      { key: "beyond", label: "Beyond", kind: "open", probability: 0.5, exit: [] },
      { key: "won", label: "Won", kind: "won", probability: 1, exit: [] },
      { key: "lost", label: "Lost", kind: "lost", probability: 0, exit: [] },
    ];
    // The tenant's pipeline comes with its framework's stages: this test's own replace them.
    await db().pipelineStage.deleteMany({ where: { pipelineId: tenant.pipeline.id } });
    await db().pipelineStage.createMany({
      data: stages.map((s, position) => ({ ...s, organizationId: tenant.org.id, pipelineId: tenant.pipeline.id, position, exit: s.exit })),
    });
    const account = await createAccountFor(tenant.rep, { industry: "Retail" });
    const opp = await createOpportunityFor(tenant.rep, account.id, { stage: "gate" });
    await fallShort({ user: tenant.rep, opportunityId: opp.id, accountId: account.id });
    const before = await qualificationRows(opp.id);

    actAs(tenant.rep);
    const result = await advanceStageAction({ opportunityId: opp.id, toStage: "beyond", version: 1 });
    expect(result?.serverError?.code).toBe("GATE_BLOCKED");
    const { blockers } = result?.serverError?.details as { blockers: Array<{ code: string; stageId: string; message: string }> };
    // A "no" or a fit below the pursue line also makes the deal "not yet", which holds it on its own.
    expect(blockers.filter((b) => b.code !== "deal_not_yet")).toEqual([expect.objectContaining({ code: expectedCode, stageId: "gate" })]);
    expect(blockers[0]?.message.length).toBeGreaterThan(10);
    expect(await qualificationRows(opp.id)).toEqual(before);
  });
});
