import { beforeEach, describe, expect, it } from "vitest";
import { changeFrameworkAction } from "../../lib/actions/settings/change-framework";
import { editStagesAction } from "../../lib/actions/settings/edit-stages";
import { saveCustomFrameworkAction } from "../../lib/actions/settings/save-custom-framework";
import { FRAMEWORKS, pipelineFor, type Pipeline } from "../../lib/qualification";
import { db } from "../../lib/server/db";
import { loadQualificationSettings } from "../../lib/server/qualification/settings";
import { createPipeline } from "../../lib/server/pipeline/pipelines";
import { getQualificationSetup } from "../../lib/server/settings/queries";
import type { EditStagesInput, SaveCustomFrameworkInput } from "../../lib/validation/framework-setup";
import { createAccountFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let t: Tenant;

beforeEach(async () => {
  t = await createTenant("Setup");
});

const version = async (organizationId = t.org.id) =>
  (await db().pipeline.findFirstOrThrow({ where: { organizationId }, orderBy: { position: "asc" }, select: { qualificationVersion: true } }))
    .qualificationVersion;

/** MEDDPICC's criteria as the builder would send them, minus `drop`, plus `extra`. */
async function fromTemplate(drop: string[] = [], extra: SaveCustomFrameworkInput["criteria"] = []): Promise<SaveCustomFrameworkInput> {
  const criteria = FRAMEWORKS.meddpicc.criteria
    .filter((c) => !drop.includes(c.id))
    .map((c) => ({
      id: c.id,
      label: c.label,
      description: c.description,
      weight: c.weight,
      knockout: c.knockout,
      freshnessDays: c.freshnessDays,
      questions: c.questions,
      ...(c.nurtureTrigger && { nurtureTrigger: c.nurtureTrigger }),
      verifierRoles: c.verifierRoles ?? [],
    }));
  return { expectedVersion: await version(), name: "Our MEDDPICC", criteria: [...criteria, ...extra] };
}

const renewalRisk = {
  id: "renewal_risk",
  label: "Renewal risk",
  description: "What could stop the renewal",
  weight: 2,
  knockout: true,
  freshnessDays: 60,
  questions: ["What would make you not renew?"],
  nurtureTrigger: "New budget cycle",
  verifierRoles: ["economic_buyer" as const],
};

/** The keys of the stages stored for the organization, in order: a refused edit leaves them as created. */
const stageKeys = async () =>
  (await db().pipelineStage.findMany({ where: { organizationId: t.org.id }, orderBy: { position: "asc" }, select: { key: true } })).map((s) => s.key);
const DEFAULT_STAGES = pipelineFor(FRAMEWORKS.meddpicc).stages.map((s) => s.id);

async function stagesInput(pipeline?: Pipeline): Promise<EditStagesInput> {
  const current = pipeline ?? (await loadQualificationSettings(db(), t.org.id, null)).pipeline;
  return {
    expectedVersion: await version(),
    stages: current.stages.map((s) => ({ id: s.id, label: s.label, probability: Math.round(s.probability * 100), kind: s.kind, exit: s.exit })),
    destinations: {},
  };
}

const without = (input: EditStagesInput, id: string): EditStagesInput => ({ ...input, stages: input.stages.filter((s) => s.id !== id) });

async function deal(stage: string, name = "Deal") {
  const account = await createAccountFor(t.rep);
  return createOpportunityFor(t.rep, account.id, { stage, name });
}

describe("saving a custom framework", () => {
  it("stores a new version: criteria added, removed ones archived with their evidence kept, their gates dropped, audited", async () => {
    const opp = await deal("discovery");
    await db().criterionState.create({
      data: { organizationId: t.org.id, opportunityId: opp.id, criterionId: "metrics", state: "claimed", updatedById: t.rep.id },
    });
    const before = await version();
    actAs(t.manager);
    const result = await saveCustomFrameworkAction(await fromTemplate(["metrics", "identify_pain"], [renewalRisk]));
    expect(result?.serverError).toBeUndefined();
    expect(result?.data).toMatchObject({
      version: before + 1,
      change: { added: ["renewal_risk"], removed: ["metrics", "identify_pain"] },
      archived: ["metrics", "identify_pain"],
    });
    expect(result?.data?.droppedGates.map((d) => d.criterionId)).toEqual(expect.arrayContaining(["metrics", "identify_pain"]));

    const settings = await loadQualificationSettings(db(), t.org.id, null);
    expect(settings.framework).toMatchObject({ key: "custom", name: "Our MEDDPICC" });
    expect(settings.framework).not.toHaveProperty("archived");
    expect(settings.framework.criteria.find((c) => c.id === "renewal_risk")).toMatchObject({
      knockout: true,
      freshnessDays: 60,
      verifierRoles: ["economic_buyer"],
      nurtureTrigger: "New budget cycle",
    });
    expect(settings.pipeline.stages.flatMap((s) => s.exit).some((r) => r.kind === "criterion" && r.criterionId === "metrics")).toBe(false);
    expect(settings.qualificationVersion).toBe(before + 1);
    expect(settings.archived.map((c) => [c.id, c.label])).toEqual([
      ["metrics", "Metrics"],
      ["identify_pain", "Identify pain"],
    ]);

    expect(await db().criterionState.count({ where: { opportunityId: opp.id, criterionId: "metrics" } })).toBe(1);
    const setup = await getQualificationSetup(t.manager);
    expect(setup.archived.map((c) => c.id)).toEqual(["metrics", "identify_pain"]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { organizationId: t.org.id, action: "framework_custom" } });
    expect(audit.actorId).toBe(t.manager.id);
  });

  it("brings an archived criterion back when it is added again", async () => {
    actAs(t.manager);
    await saveCustomFrameworkAction(await fromTemplate(["metrics"]));
    const again = await saveCustomFrameworkAction(await fromTemplate([]));
    expect(again?.data?.change.added).toEqual(["metrics"]);
    expect((await getQualificationSetup(t.manager)).archived).toEqual([]);
  });

  it("archives the custom criteria when the organization switches back to a template: their evidence stays", async () => {
    const opp = await deal("discovery");
    actAs(t.manager);
    await saveCustomFrameworkAction(await fromTemplate([], [renewalRisk]));
    await db().criterionState.create({
      data: { organizationId: t.org.id, opportunityId: opp.id, criterionId: "renewal_risk", state: "claimed", updatedById: t.rep.id },
    });
    const switched = await changeFrameworkAction({ frameworkKey: "bant", confirmReset: true });
    expect(switched?.serverError).toBeUndefined();

    const settings = await loadQualificationSettings(db(), t.org.id, null);
    expect(settings.framework.key).toBe("bant");
    expect(settings.archived.map((c) => [c.id, c.label])).toContainEqual(["renewal_risk", "Renewal risk"]);
    expect(await db().criterionState.count({ where: { opportunityId: opp.id, criterionId: "renewal_risk" } })).toBe(1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { organizationId: t.org.id, action: "framework_change" } });
    expect((audit.after as { archived: string[] }).archived).toContain("renewal_risk");

    // Back to a custom framework: what is live again leaves the archive, the rest stays archived.
    const back = await saveCustomFrameworkAction(await fromTemplate([], [renewalRisk]));
    expect(back?.data?.archived).not.toContain("renewal_risk");
  });

  it("in a second pipeline, switching its custom framework to a template archives (never deletes) the custom criteria; the first pipeline is untouched", async () => {
    const renewal = await createPipeline(t.manager, { name: "Renewal", frameworkKey: "bant" });
    const pipelineVersion = async () => (await db().pipeline.findUniqueOrThrow({ where: { id: renewal.id } })).qualificationVersion;
    actAs(t.manager);
    const saved = await saveCustomFrameworkAction({
      pipelineId: renewal.id,
      expectedVersion: await pipelineVersion(),
      name: "Renewal check",
      criteria: [renewalRisk, { ...renewalRisk, id: "usage_health", label: "Usage health", knockout: false }],
    });
    expect(saved?.serverError).toBeUndefined();

    // A deal of that pipeline with evidence and history on the custom criterion.
    const account = await createAccountFor(t.rep);
    const opp = await createOpportunityFor(t.rep, account.id, { pipelineId: renewal.id, name: "Renewal deal" });
    const evidence = await db().evidence.create({
      data: {
        organizationId: t.org.id,
        opportunityId: opp.id,
        criterionId: "renewal_risk",
        state: "claimed",
        excerpt: "Budget cut",
        capturedById: t.rep.id,
      },
    });
    await db().criterionState.create({
      data: { organizationId: t.org.id, opportunityId: opp.id, criterionId: "renewal_risk", state: "claimed", updatedById: t.rep.id },
    });
    await db().criterionChange.create({
      data: {
        organizationId: t.org.id,
        opportunityId: opp.id,
        criterionId: "renewal_risk",
        fromState: "unknown",
        toState: "claimed",
        actorId: t.rep.id,
        evidenceId: evidence.id,
        reason: "From a call",
      },
    });

    const switched = await changeFrameworkAction({ pipelineId: renewal.id, frameworkKey: "spiced", confirmReset: true });
    expect(switched?.serverError).toBeUndefined();

    const setup = await getQualificationSetup(t.manager, renewal.id);
    expect(setup.archived.map((c) => [c.id, c.label])).toEqual(
      expect.arrayContaining([
        ["renewal_risk", "Renewal risk"],
        ["usage_health", "Usage health"],
      ]),
    );
    const settings = await loadQualificationSettings(db(), t.org.id, renewal.id);
    expect(settings.framework.key).toBe("spiced");
    expect(settings.framework.criteria.some((c) => c.id === "renewal_risk")).toBe(false);
    // Archived, not deleted: the deal's evidence, state and history on it all remain.
    expect(await db().evidence.count({ where: { opportunityId: opp.id, criterionId: "renewal_risk" } })).toBe(1);
    expect(await db().criterionState.count({ where: { opportunityId: opp.id, criterionId: "renewal_risk" } })).toBe(1);
    expect(await db().criterionChange.count({ where: { opportunityId: opp.id, criterionId: "renewal_risk" } })).toBe(1);

    // The first pipeline keeps its framework, and has nothing archived.
    const first = await getQualificationSetup(t.manager, t.pipeline.id);
    expect(first.archived).toEqual([]);
    expect((await loadQualificationSettings(db(), t.org.id, t.pipeline.id)).framework.key).toBe("meddpicc");
  });

  it("refuses a rep and marketing: FORBIDDEN, nothing written", async () => {
    for (const user of [t.rep, t.marketing]) {
      actAs(user);
      const result = await saveCustomFrameworkAction(await fromTemplate(["metrics"]));
      expect(result?.serverError?.code).toBe("FORBIDDEN");
    }
    expect(await version()).toBe(1);
    expect((await db().pipeline.findUniqueOrThrow({ where: { id: t.pipeline.id } })).frameworkKey).toBe("meddpicc");
  });

  it("refuses an invalid spec with per-field errors on nested paths, from the engine and from the schema", async () => {
    actAs(t.manager);
    const input = await fromTemplate();
    input.criteria[1] = { ...input.criteria[1]!, id: "Bad Id", questions: [] };
    input.criteria[2] = { ...input.criteria[2]!, id: input.criteria[0]!.id };
    const engine = await saveCustomFrameworkAction(input);
    expect(engine?.serverError?.code).toBe("INVALID");
    const fieldErrors = (engine?.serverError as { details?: { fieldErrors?: Record<string, string[]> } }).details?.fieldErrors ?? {};
    expect(Object.keys(fieldErrors)).toEqual(expect.arrayContaining(["criteria.1.id", "criteria.1.questions", "criteria"]));

    const shape = await saveCustomFrameworkAction({ ...(await fromTemplate()), criteria: [{ ...renewalRisk, weight: -1 }] });
    expect(shape?.validationErrors).toMatchObject({ fieldErrors: { "criteria.0.weight": [expect.any(String)] } });
    const empty = await saveCustomFrameworkAction({ ...(await fromTemplate()), criteria: [] });
    expect(empty?.serverError?.code).toBe("INVALID");
    expect(await version()).toBe(1);
  });

  it("refuses a save from an outdated version: CONFLICT, the newer save stands", async () => {
    actAs(t.manager);
    const stale = await fromTemplate(["metrics"]);
    expect((await saveCustomFrameworkAction(await fromTemplate(["champion"])))?.data).toBeDefined();
    const result = await saveCustomFrameworkAction(stale);
    expect(result?.serverError?.code).toBe("CONFLICT");
    const settings = await loadQualificationSettings(db(), t.org.id, null);
    expect(settings.framework.criteria.some((c) => c.id === "metrics")).toBe(true);
    expect(settings.framework.criteria.some((c) => c.id === "champion")).toBe(false);
  });

  it("keeps tenants apart: another organization's manager changes only their own framework", async () => {
    const other = await createTenant("Other");
    actAs(other.manager);
    const input = await fromTemplate(["metrics"]);
    const result = await saveCustomFrameworkAction({ ...input, expectedVersion: await version(other.org.id) });
    expect(result?.data).toBeDefined();
    expect((await db().pipeline.findUniqueOrThrow({ where: { id: t.pipeline.id } })).frameworkKey).toBe("meddpicc");
    expect(await version()).toBe(1);
  });
});

describe("editing stages", () => {
  it("adds, renames and reorders stages; deals in kept stages stay", async () => {
    const opp = await deal("prospecting");
    actAs(t.manager);
    const input = await stagesInput();
    const [prospecting, discovery, ...rest] = input.stages;
    const added = { id: "qualify", label: "Qualify", probability: 10, kind: "open" as const, exit: [] };
    const result = await editStagesAction({ ...input, stages: [{ ...prospecting!, label: "Lead in" }, added, discovery!, ...rest] });
    expect(result?.serverError).toBeUndefined();
    expect(result?.data).toMatchObject({ stages: 8, moved: 0, held: [] });
    const rows = await db().pipelineStage.findMany({ where: { organizationId: t.org.id }, orderBy: { position: "asc" } });
    expect(rows.slice(0, 3).map((r) => [r.key, r.label])).toEqual([
      ["prospecting", "Lead in"],
      ["qualify", "Qualify"],
      ["discovery", "Discovery"],
    ]);
    expect((await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } })).stage).toBe("prospecting");
    expect(await db().auditEvent.count({ where: { organizationId: t.org.id, action: "stages_edit" } })).toBe(1);
  });

  it("refuses to remove a stage with deals when no destination is given: nothing written", async () => {
    const opp = await deal("solution");
    actAs(t.manager);
    const result = await editStagesAction(without(await stagesInput(), "solution"));
    expect(result?.serverError?.code).toBe("INVALID");
    expect((result?.serverError as { details?: { fieldErrors?: Record<string, string[]> } }).details?.fieldErrors).toHaveProperty([
      "destinations.solution",
    ]);
    expect(await stageKeys()).toEqual(DEFAULT_STAGES);
    expect((await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } })).stage).toBe("solution");
    expect(await version()).toBe(1);
  });

  it("refuses a destination of another kind (a settings edit must not close deals)", async () => {
    await deal("solution");
    actAs(t.manager);
    const result = await editStagesAction({ ...without(await stagesInput(), "solution"), destinations: { solution: "closed_won" } });
    expect(result?.serverError?.code).toBe("INVALID");
  });

  it("moves the deals of a removed stage back to the destination, in one audited transaction with a history row each", async () => {
    const a = await deal("solution", "A");
    const b = await deal("solution", "B");
    actAs(t.manager);
    const result = await editStagesAction({ ...without(await stagesInput(), "solution"), destinations: { solution: "discovery" } });
    expect(result?.data).toMatchObject({ stages: 6, moved: 2, held: [] });
    for (const opp of [a, b]) {
      expect((await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } })).stage).toBe("discovery");
      expect(await db().stageChange.findFirstOrThrow({ where: { opportunityId: opp.id } })).toMatchObject({
        fromStage: "solution",
        toStage: "discovery",
        actorId: t.manager.id,
      });
    }
    const audit = await db().auditEvent.findFirstOrThrow({ where: { organizationId: t.org.id, action: "stages_edit" } });
    expect(audit.after).toMatchObject({ removed: ["solution"], moves: [{ from: "solution", to: "discovery", deals: 2 }] });
  });

  it("never carries a deal past a gate it has not passed: moved forward by a removal, it is held at that gate and flagged", async () => {
    const opp = await deal("discovery");
    actAs(t.manager);
    const result = await editStagesAction({ ...without(await stagesInput(), "discovery"), destinations: { discovery: "proposal" } });
    expect(result?.serverError).toBeUndefined();
    expect(result?.data?.held).toEqual([expect.objectContaining({ opportunityId: opp.id, wanted: "proposal", stageId: "solution" })]);
    expect(result?.data?.held[0]?.blockers.map((b) => b.code)).toContain("stakeholder_missing");
    expect((await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } })).stage).toBe("solution");
    const change = await db().stageChange.findFirstOrThrow({ where: { opportunityId: opp.id } });
    expect(change.reason).toMatch(/held at Solution/);
    expect(change.blockers).toEqual(expect.arrayContaining([expect.objectContaining({ stageId: "solution" })]));
  });

  it("re-checks deals a reorder puts behind a new gate, and holds those that fail it", async () => {
    const opp = await deal("discovery");
    actAs(t.manager);
    const input = await stagesInput();
    const ids = ["prospecting", "proposal", "discovery", "solution", "negotiation", "closed_won", "closed_lost"];
    const result = await editStagesAction({ ...input, stages: ids.map((id) => input.stages.find((s) => s.id === id)!) });
    expect(result?.data?.held.map((h) => [h.opportunityId, h.stageId])).toEqual([[opp.id, "proposal"]]);
    expect((await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } })).stage).toBe("proposal");
  });

  it("refuses a rep (FORBIDDEN) and an outdated version (CONFLICT), writing nothing", async () => {
    await deal("solution");
    actAs(t.rep);
    const input = { ...without(await stagesInput(), "solution"), destinations: { solution: "discovery" } };
    expect((await editStagesAction(input))?.serverError?.code).toBe("FORBIDDEN");
    actAs(t.manager);
    expect((await editStagesAction({ ...input, expectedVersion: 99 }))?.serverError?.code).toBe("CONFLICT");
    expect(await stageKeys()).toEqual(DEFAULT_STAGES);
    expect(await db().stageChange.count({ where: { organizationId: t.org.id } })).toBe(0);
  });

  it("refuses a pipeline the engine rejects, with the stage's field path", async () => {
    actAs(t.manager);
    const input = await stagesInput();
    const result = await editStagesAction({ ...input, stages: input.stages.filter((s) => s.kind !== "won") });
    expect(result?.serverError?.code).toBe("INVALID");
    expect(result?.serverError && "message" in result.serverError && result.serverError.message).toMatch(/won stage/);
  });

  it("keeps tenants apart: another organization's deals in a stage of the same name are not moved", async () => {
    const mine = await deal("solution");
    const other = await createTenant("Other");
    actAs(other.manager);
    const settings = await loadQualificationSettings(db(), other.org.id, null);
    const input = {
      expectedVersion: 1,
      stages: settings.pipeline.stages
        .filter((s) => s.id !== "solution")
        .map((s) => ({ id: s.id, label: s.label, probability: Math.round(s.probability * 100), kind: s.kind, exit: s.exit })),
      destinations: {},
    };
    expect((await editStagesAction(input))?.data).toMatchObject({ moved: 0 });
    expect((await db().opportunity.findUniqueOrThrow({ where: { id: mine.id } })).stage).toBe("solution");
  });
});
