import { beforeEach, describe, expect, it } from "vitest";
import { moveToPipelineAction } from "../../lib/actions/opportunities/move-to-pipeline";
import { changeFrameworkAction } from "../../lib/actions/settings/change-framework";
import { createPipelineAction } from "../../lib/actions/settings/create-pipeline";
import { deletePipelineAction } from "../../lib/actions/settings/delete-pipeline";
import { renamePipelineAction } from "../../lib/actions/settings/rename-pipeline";
import { reorderPipelinesAction } from "../../lib/actions/settings/reorder-pipelines";
import { createOpportunityAction } from "../../lib/actions/opportunities/create-opportunity";
import { db } from "../../lib/server/db";
import { currentVersions, dealScorePending } from "../../lib/server/qualification/score-currency";
import { listPipelines } from "../../lib/server/pipeline/pipelines";
import { loadQualificationSettings } from "../../lib/server/qualification/settings";
import { createAccountFor, createOpportunityFor, createTenant, qualificationRows, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let t: Tenant;
let other: Tenant;

beforeEach(async () => {
  [t, other] = await Promise.all([createTenant("Pipes"), createTenant("Others")]);
});

async function renewals(tenant = t) {
  actAs(tenant.manager);
  const created = await createPipelineAction({ name: "Renewals", frameworkKey: "bant" });
  expect(created?.serverError).toBeUndefined();
  return created.data!.id;
}

describe("pipelines", () => {
  it("creates a pipeline with its own framework and stages, renames and reorders them, audited", async () => {
    const id = await renewals();
    const settings = await loadQualificationSettings(db(), t.org.id, id);
    expect(settings.framework.key).toBe("bant");
    expect(settings.pipelineName).toBe("Renewals");
    expect((await loadQualificationSettings(db(), t.org.id, null)).framework.key).toBe("meddpicc");
    expect(await db().pipelineStage.count({ where: { pipelineId: id } })).toBe(settings.pipeline.stages.length);

    expect((await renamePipelineAction({ pipelineId: id, name: "Renewals — BANT" }))?.data).toEqual({ id, name: "Renewals — BANT" });
    await reorderPipelinesAction({ pipelineIds: [id, t.pipeline.id] });
    expect((await listPipelines(db(), t.org.id)).map((p) => p.name)).toEqual(["Renewals — BANT", "New business"]);
    expect(
      await db().auditEvent.count({ where: { organizationId: t.org.id, entityType: "pipeline", action: { in: ["create", "rename", "reorder"] } } }),
    ).toBe(3);
  });

  it("creates a deal in the chosen pipeline (the first one by default)", async () => {
    const id = await renewals();
    const account = await createAccountFor(t.rep);
    actAs(t.rep);
    const first = await createOpportunityAction({ name: "Default", accountId: account.id, amount: 10 });
    const chosen = await createOpportunityAction({ name: "Renewal", accountId: account.id, amount: 10, pipelineId: id });
    expect((await db().opportunity.findUniqueOrThrow({ where: { id: first.data!.id } })).pipelineId).toBe(t.pipeline.id);
    const renewal = await db().opportunity.findUniqueOrThrow({ where: { id: chosen.data!.id }, include: { assessment: true } });
    expect(renewal.pipelineId).toBe(id);
    expect(renewal.assessment?.qualificationVersion).toBe((await loadQualificationSettings(db(), t.org.id, id)).qualificationVersion);
    // Another organization's pipeline is not found.
    expect(
      (await createOpportunityAction({ name: "Theirs", accountId: account.id, amount: 10, pipelineId: other.pipeline.id }))?.serverError?.code,
    ).toBe("NOT_FOUND");
  });

  it("refuses a rep, another organization's pipeline, a duplicate name, deleting a pipeline with deals or the last one", async () => {
    actAs(t.rep);
    expect((await createPipelineAction({ name: "Mine", frameworkKey: "bant" }))?.serverError?.code).toBe("FORBIDDEN");
    const id = await renewals();
    actAs(t.manager);
    expect((await createPipelineAction({ name: "Renewals", frameworkKey: "champ" }))?.serverError?.code).toBe("INVALID");
    expect((await renamePipelineAction({ pipelineId: other.pipeline.id, name: "Hijacked" }))?.serverError?.code).toBe("NOT_FOUND");
    expect((await deletePipelineAction({ pipelineId: other.pipeline.id }))?.serverError?.code).toBe("NOT_FOUND");
    expect((await reorderPipelinesAction({ pipelineIds: [id] }))?.serverError?.code).toBe("INVALID");
    expect((await db().pipeline.findUniqueOrThrow({ where: { id: other.pipeline.id } })).name).toBe("New business");

    await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { pipelineId: id });
    const refused = await deletePipelineAction({ pipelineId: id });
    expect(refused?.serverError?.code).toBe("CONFLICT");
    expect(refused?.serverError?.message).toContain("1 deal");
    expect(await db().pipeline.count({ where: { id } })).toBe(1);

    const lone = await createTenant("Lone");
    actAs(lone.manager);
    expect((await deletePipelineAction({ pipelineId: lone.pipeline.id }))?.serverError?.code).toBe("CONFLICT");
  });

  it("a framework change in one pipeline re-scores only that pipeline's deals", async () => {
    const id = await renewals();
    const account = await createAccountFor(t.rep);
    const kept = await createOpportunityFor(t.rep, account.id);
    const moved = await createOpportunityFor(t.rep, account.id, { pipelineId: id });
    const before = await db().opportunityAssessment.findUniqueOrThrow({ where: { opportunityId: moved.id } });
    actAs(t.manager);
    expect((await changeFrameworkAction({ pipelineId: id, frameworkKey: "spiced", confirmReset: true }))?.serverError).toBeUndefined();
    // The changed pipeline's score, as stored before the save, now reads as pending.
    expect(dealScorePending({ status: "open", pipelineId: id }, before, await currentVersions(db(), t.org.id))).toBe(true);
    // Only the changed pipeline's version moved: the other pipeline's scores never read as pending.
    const current = await currentVersions(db(), t.org.id);
    const keptScore = await db().opportunityAssessment.findUniqueOrThrow({ where: { opportunityId: kept.id } });
    expect(dealScorePending({ status: "open", pipelineId: t.pipeline.id }, keptScore, current)).toBe(false);
    expect(
      dealScorePending({ status: "open", pipelineId: id }, { ...keptScore, qualificationVersion: current.pipelines.get(id)! - 1 }, current),
    ).toBe(true);
    expect((await loadQualificationSettings(db(), t.org.id, null)).framework.key).toBe("meddpicc");
    expect((await loadQualificationSettings(db(), t.org.id, id)).framework.key).toBe("spiced");
  });
});

describe("moving a deal to another pipeline", () => {
  it("moves it into a stage whose gates it passes: re-assessed with the new pipeline, in its history and audited", async () => {
    const id = await renewals();
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "discovery" });
    actAs(t.manager);
    const result = await moveToPipelineAction({ opportunityId: deal.id, version: deal.version, pipelineId: id, toStage: "prospecting" });
    expect(result?.serverError).toBeUndefined();
    const after = await db().opportunity.findUniqueOrThrow({ where: { id: deal.id }, include: { assessment: true } });
    expect(after).toMatchObject({ pipelineId: id, stage: "prospecting", version: deal.version + 1 });
    expect(after.assessment?.qualificationVersion).toBe((await loadQualificationSettings(db(), t.org.id, id)).qualificationVersion);
    expect(await db().stageChange.count({ where: { opportunityId: deal.id, fromStage: "discovery", toStage: "prospecting" } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: deal.id, action: "pipeline_change" } })).toBe(1);
  });

  it("refuses a move past a gate the deal has not passed (GATE_BLOCKED, nothing written) unless a manager overrides it", async () => {
    const id = await renewals();
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "prospecting" });
    const before = await qualificationRows(deal.id);
    actAs(t.manager);
    const blocked = await moveToPipelineAction({ opportunityId: deal.id, version: deal.version, pipelineId: id, toStage: "negotiation" });
    expect(blocked?.serverError?.code).toBe("GATE_BLOCKED");
    expect(await qualificationRows(deal.id)).toEqual(before);
    expect((await db().opportunity.findUniqueOrThrow({ where: { id: deal.id } })).pipelineId).toBe(t.pipeline.id);

    const expires = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const overridden = await moveToPipelineAction({
      opportunityId: deal.id,
      version: deal.version,
      pipelineId: id,
      toStage: "negotiation",
      overrideReason: "Renewal signed off by the board already",
      overrideExpiresOn: expires,
    });
    expect(overridden?.serverError).toBeUndefined();
    expect(overridden?.data?.outcome).toBe("overridden");
    expect(await db().gateOverride.count({ where: { opportunityId: deal.id } })).toBeGreaterThan(0);
  });

  it("refuses a rep, a stale version, another organization's pipeline and a closed stage", async () => {
    const id = await renewals();
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "prospecting" });
    actAs(t.rep);
    expect(
      (await moveToPipelineAction({ opportunityId: deal.id, version: deal.version, pipelineId: id, toStage: "prospecting" }))?.serverError?.code,
    ).toBe("FORBIDDEN");
    actAs(t.manager);
    expect(
      (await moveToPipelineAction({ opportunityId: deal.id, version: deal.version + 5, pipelineId: id, toStage: "prospecting" }))?.serverError?.code,
    ).toBe("CONFLICT");
    expect(
      (await moveToPipelineAction({ opportunityId: deal.id, version: deal.version, pipelineId: other.pipeline.id, toStage: "prospecting" }))
        ?.serverError?.code,
    ).toBe("NOT_FOUND");
    expect(
      (await moveToPipelineAction({ opportunityId: deal.id, version: deal.version, pipelineId: id, toStage: "closed_won" }))?.serverError?.code,
    ).toBe("INVALID");
    actAs(other.manager);
    expect(
      (await moveToPipelineAction({ opportunityId: deal.id, version: deal.version, pipelineId: other.pipeline.id, toStage: "prospecting" }))
        ?.serverError?.code,
    ).toBe("NOT_FOUND");
    expect((await db().opportunity.findUniqueOrThrow({ where: { id: deal.id } })).pipelineId).toBe(t.pipeline.id);
  });
});
