import { beforeEach, describe, expect, it } from "vitest";
import { advanceStageAction } from "../../lib/actions/opportunities/advance-stage";
import { changeFrameworkAction } from "../../lib/actions/settings/change-framework";
import { savePipelineAction } from "../../lib/actions/settings/save-pipeline";
import { defaultGates, FRAMEWORKS, pipelineFor, type Pipeline } from "../../lib/qualification";
import { db } from "../../lib/server/db";
import { loadQualificationSettings } from "../../lib/server/qualification/settings";
import type { SavePipelineInput } from "../../lib/validation/settings";
import { createAccountFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let t: Tenant;

beforeEach(async () => {
  t = await createTenant("Settings");
});

/** The form's view of a pipeline: probabilities in percent, kinds left to the server. */
function toInput(pipeline: Pipeline): SavePipelineInput {
  return { stages: pipeline.stages.map((s) => ({ id: s.id, label: s.label, probability: Math.round(s.probability * 100), exit: s.exit })) };
}

const meddpicc = () => toInput(pipelineFor(FRAMEWORKS.meddpicc));

/** What a new organization's pipeline holds: MEDDPICC's default stages, no pipeline audit: a refused save leaves it so. */
const UNTOUCHED = {
  stages: pipelineFor(FRAMEWORKS.meddpicc).stages.map((s, position) => ({
    key: s.id,
    label: s.label,
    position,
    probability: s.probability,
    kind: s.kind,
    exit: s.exit,
  })),
  audits: 0,
  frameworkKey: "meddpicc",
};

function editStage(input: SavePipelineInput, id: string, change: Partial<SavePipelineInput["stages"][number]>): SavePipelineInput {
  return { stages: input.stages.map((s) => (s.id === id ? { ...s, ...change } : s)) };
}

/** Everything a pipeline save could write for an organization (stages as stored, without row ids). */
async function pipelineWrites(organizationId: string) {
  const [stages, audits, org] = await Promise.all([
    db().pipelineStage.findMany({
      where: { organizationId },
      orderBy: { position: "asc" },
      select: { key: true, label: true, position: true, probability: true, kind: true, exit: true },
    }),
    db().auditEvent.count({ where: { organizationId, entityType: "pipeline" } }),
    db().pipeline.findFirstOrThrow({ where: { organizationId }, orderBy: { position: "asc" }, select: { frameworkKey: true } }),
  ]);
  return { stages, audits, frameworkKey: org.frameworkKey };
}

describe("saving the pipeline", () => {
  it("lets a manager change labels, probabilities and gates: rows replaced in order, audited, and read back by the engine", async () => {
    actAs(t.manager);
    const input = editStage(meddpicc(), "discovery", { label: "Discovery call", probability: 20, exit: [{ kind: "min_intent", score: 25 }] });
    const result = await savePipelineAction(input);
    expect(result?.serverError).toBeUndefined();
    expect(result?.data).toEqual({ stages: 7 });

    const { stages, audits } = await pipelineWrites(t.org.id);
    expect(stages.map((s) => s.key)).toEqual(["prospecting", "discovery", "solution", "proposal", "negotiation", "closed_won", "closed_lost"]);
    expect(stages[1]).toMatchObject({
      label: "Discovery call",
      probability: 0.2,
      kind: "open",
      position: 1,
      exit: [{ kind: "min_intent", score: 25 }],
    });
    expect(audits).toBe(1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { organizationId: t.org.id, entityType: "pipeline" } });
    expect(audit).toMatchObject({ entityId: t.pipeline.id, action: "update", actorId: t.manager.id });

    const settings = await loadQualificationSettings(db(), t.org.id, null);
    expect(settings.pipelineIsDefault).toBe(false);
    expect(settings.pipeline.stages[1]).toEqual({
      id: "discovery",
      label: "Discovery call",
      probability: 0.2,
      kind: "open",
      exit: [{ kind: "min_intent", score: 25 }],
    });
  });

  it("lets an admin save too, and a second save replaces the first", async () => {
    actAs(t.admin);
    await savePipelineAction(editStage(meddpicc(), "proposal", { probability: 55 }));
    const result = await savePipelineAction(editStage(meddpicc(), "proposal", { probability: 65 }));
    expect(result?.data).toEqual({ stages: 7 });
    const { stages, audits } = await pipelineWrites(t.org.id);
    expect(stages).toHaveLength(7);
    expect(stages.find((s) => s.key === "proposal")?.probability).toBe(0.65);
    expect(audits).toBe(2);
  });

  it("enforces the edited gate when a deal changes stage", async () => {
    const account = await createAccountFor(t.rep);
    const opp = await createOpportunityFor(t.rep, account.id, { stage: "discovery" });
    actAs(t.rep);
    const blocked = await advanceStageAction({ opportunityId: opp.id, toStage: "solution", version: 1 });
    expect(blocked?.serverError?.code).toBe("GATE_BLOCKED");

    actAs(t.manager);
    const input = meddpicc();
    const discovery = input.stages.find((s) => s.id === "discovery");
    expect(discovery?.exit).toEqual([{ kind: "criterion", criterionId: "identify_pain", atLeast: "claimed" }]);
    expect((await savePipelineAction(editStage(input, "discovery", { exit: [] })))?.serverError).toBeUndefined();

    actAs(t.rep);
    const moved = await advanceStageAction({ opportunityId: opp.id, toStage: "solution", version: 1 });
    expect(moved?.data).toMatchObject({ stage: "solution", outcome: "allowed" });
  });
});

describe("who may change the pipeline", () => {
  it("refuses a rep and marketing (FORBIDDEN) and anonymous callers, and writes nothing", async () => {
    const input = editStage(meddpicc(), "discovery", { exit: [] });
    for (const user of [t.rep, t.marketing]) {
      actAs(user);
      expect((await savePipelineAction(input))?.serverError?.code).toBe("FORBIDDEN");
      expect((await changeFrameworkAction({ frameworkKey: "bant", confirmReset: true }))?.serverError?.code).toBe("FORBIDDEN");
    }
    actAs(null);
    expect((await savePipelineAction(input))?.serverError?.code).toBe("UNAUTHENTICATED");
    expect(await pipelineWrites(t.org.id)).toEqual(UNTOUCHED);
  });

  it("never touches another organization: a manager's save only writes their own rows", async () => {
    const other = await createTenant("Other");
    actAs(other.manager);
    expect((await savePipelineAction(editStage(meddpicc(), "discovery", { label: "Theirs" })))?.data).toEqual({ stages: 7 });
    expect((await changeFrameworkAction({ frameworkKey: "spiced", confirmReset: true }))?.data).toEqual({ frameworkKey: "spiced" });
    expect(await pipelineWrites(t.org.id)).toEqual(UNTOUCHED);
    expect((await pipelineWrites(other.org.id)).frameworkKey).toBe("spiced");
  });
});

describe("invalid pipelines are refused and nothing is written", () => {
  it("refuses a gate on a criterion the framework does not have, naming the stage and the criterion", async () => {
    actAs(t.manager);
    const result = await savePipelineAction(
      editStage(meddpicc(), "discovery", { exit: [{ kind: "criterion", criterionId: "budget", atLeast: "claimed" }] }),
    );
    expect(result?.serverError?.code).toBe("INVALID");
    expect(result?.serverError?.message).toBe('The pipeline was not saved. Discovery: "budget" is not a criterion of MEDDPICC.');
    expect((result?.serverError?.details as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      "stages.1.exit.0": ['Discovery: "budget" is not a criterion of MEDDPICC'],
    });
    expect(await pipelineWrites(t.org.id)).toEqual(UNTOUCHED);
  });

  it("refuses out-of-range probabilities, blank names, bad scores and duplicate requirements with field errors", async () => {
    actAs(t.manager);
    const cases: Array<[SavePipelineInput, string, string]> = [
      [editStage(meddpicc(), "proposal", { probability: 150 }), "stages.3.probability", "Probability must be between 0 and 100 %."],
      [editStage(meddpicc(), "proposal", { probability: -1 }), "stages.3.probability", "Probability must be between 0 and 100 %."],
      [editStage(meddpicc(), "proposal", { label: "  " }), "stages.3.label", "Name the stage."],
      [
        editStage(meddpicc(), "discovery", { exit: [{ kind: "min_fit", score: 101 }] }),
        "stages.1.exit.0.score",
        "Too big: expected number to be <=100",
      ],
      [
        editStage(meddpicc(), "discovery", { exit: [{ kind: "champion_tested" }, { kind: "champion_tested" }] }),
        "stages.1.exit.1",
        "Discovery lists the same requirement twice.",
      ],
    ];
    for (const [input, path, message] of cases) {
      const result = await savePipelineAction(input);
      expect(result?.validationErrors).toEqual({ formErrors: [], fieldErrors: { [path]: [message] } });
    }
    expect(await pipelineWrites(t.org.id)).toEqual(UNTOUCHED);
  });

  it("refuses an exit gate on a closed stage, and stages that are not the current ones (added, removed, reordered)", async () => {
    actAs(t.manager);
    const closedGate = await savePipelineAction(editStage(meddpicc(), "closed_won", { exit: [{ kind: "champion_tested" }] }));
    expect(closedGate?.serverError).toMatchObject({
      code: "INVALID",
      message: "The pipeline was not saved. Closed won: closed stages have no exit gate.",
    });

    const stages = meddpicc().stages;
    const [first, second, ...rest] = stages;
    if (!first || !second) throw new Error("default pipeline too short");
    for (const changed of [[second, first, ...rest], stages.slice(1), [...stages, { ...first, id: "extra" }]]) {
      expect((await savePipelineAction({ stages: changed }))?.serverError?.code).toBe("INVALID");
    }
    expect(await pipelineWrites(t.org.id)).toEqual(UNTOUCHED);
  });
});

describe("switching framework", () => {
  it("needs an explicit confirmation", async () => {
    actAs(t.manager);
    const result = await changeFrameworkAction({ frameworkKey: "bant", confirmReset: false as true });
    expect(result?.validationErrors?.fieldErrors.confirmReset).toEqual(["Confirm that the stage gates will be reset."]);
    expect(
      (await changeFrameworkAction({ frameworkKey: "custom" as "bant", confirmReset: true }))?.validationErrors?.fieldErrors.frameworkKey,
    ).toEqual(["Pick one of the framework templates."]);
    expect(await pipelineWrites(t.org.id)).toEqual(UNTOUCHED);
  });

  it("resets every gate to the template's defaults, keeps labels and probabilities, and is audited", async () => {
    actAs(t.manager);
    await savePipelineAction(editStage(meddpicc(), "discovery", { label: "First call", probability: 12, exit: [] }));
    const result = await changeFrameworkAction({ frameworkKey: "bant", confirmReset: true });
    expect(result?.data).toEqual({ frameworkKey: "bant" });

    const settings = await loadQualificationSettings(db(), t.org.id, null);
    expect(settings.framework.key).toBe("bant");
    const gates = defaultGates(FRAMEWORKS.bant);
    for (const stage of settings.pipeline.stages) expect(stage.exit).toEqual(gates[stage.id]);
    expect(settings.pipeline.stages[1]).toMatchObject({
      label: "First call",
      probability: 0.12,
      exit: [{ kind: "criterion", criterionId: "need", atLeast: "claimed" }],
    });

    const audit = await db().auditEvent.findFirstOrThrow({ where: { organizationId: t.org.id, action: "framework_change" } });
    expect(audit).toMatchObject({ entityType: "pipeline", entityId: t.pipeline.id, actorId: t.manager.id });
    expect(audit.before).toMatchObject({ frameworkKey: "meddpicc" });
    expect(audit.after).toMatchObject({ frameworkKey: "bant" });

    // The old MEDDPICC criteria are gone from the gates, so a save against the new framework validates against BANT.
    const stale = await savePipelineAction(
      editStage(meddpicc(), "discovery", { exit: [{ kind: "criterion", criterionId: "identify_pain", atLeast: "claimed" }] }),
    );
    expect(stale?.serverError?.message).toContain('"identify_pain" is not a criterion of BANT');
  });
});
