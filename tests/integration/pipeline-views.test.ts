import { beforeEach, describe, expect, it } from "vitest";
import { advanceStageAction } from "../../lib/actions/opportunities/advance-stage";
import { createPipelineAction } from "../../lib/actions/settings/create-pipeline";
import { editStagesAction } from "../../lib/actions/settings/edit-stages";
import { FRAMEWORKS } from "../../lib/qualification";
import { getDashboard } from "../../lib/server/dashboard/get-dashboard";
import { dashboardParams } from "../../lib/server/dashboard/params";
import { db } from "../../lib/server/db";
import { getForecastHonesty } from "../../lib/server/insights/forecast-honesty";
import { getTrends } from "../../lib/server/insights/trends";
import { findOpportunities, opportunityListParams } from "../../lib/server/opportunities/queries";
import { boardParams, loadBoard, loadCard } from "../../lib/server/pipeline/board";
import { loadOpportunityView } from "../../lib/server/qualification/opportunity-view";
import { loadQualificationSettings, type QualificationSettings } from "../../lib/server/qualification/settings";
import type { SessionUser } from "../../lib/server/session";
import { api, keyFor } from "../fixtures/api";
import { createAccountFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

const DAY = 86_400_000;
let t: Tenant;
let other: Tenant;
let first: QualificationSettings;
let renewals: QualificationSettings;
let now: Date;

/** A second pipeline on BANT: its stages and criteria differ from the first's (MEDDPICC). */
async function addRenewals() {
  actAs(t.manager);
  const created = await createPipelineAction({ name: "Renewals", frameworkKey: "bant" });
  expect(created?.serverError).toBeUndefined();
  return loadQualificationSettings(db(), t.org.id, created.data!.id);
}

const openStage = (s: QualificationSettings, i = 0) => s.pipeline.stages.filter((x) => x.kind === "open")[i]!.id;
const closedStage = (s: QualificationSettings, kind: "won" | "lost") => s.pipeline.stages.find((x) => x.kind === kind)!.id;

async function dealIn(settings: QualificationSettings, amount: number, stage = openStage(settings)) {
  const account = await createAccountFor(t.rep, { name: `Acc ${amount}` });
  return createOpportunityFor(t.rep, account.id, { pipelineId: settings.pipelineId, amount, stage, name: `${settings.pipelineName} ${amount}` });
}

/** A deal closed yesterday in `settings`' pipeline, scored at its first open stage while open. */
async function closedIn(settings: QualificationSettings, outcome: "won" | "lost", amount: number) {
  const opp = await dealIn(settings, amount);
  const closed = closedStage(settings, outcome);
  const base = { organizationId: t.org.id, opportunityId: opp.id };
  await db().scoreSnapshot.create({
    data: {
      ...base,
      at: new Date(now.getTime() - 10 * DAY),
      stage: openStage(settings),
      fit: 100,
      intent: 60,
      verdict: "pursue",
      trigger: "evidence",
    },
  });
  await db().stageChange.create({
    data: { ...base, fromStage: openStage(settings), toStage: closed, actorId: t.rep.id, outcome: "allowed", at: new Date(now.getTime() - DAY) },
  });
  await db().opportunity.update({ where: { id: opp.id }, data: { stage: closed, status: outcome } });
  return opp;
}

const dashboard = (user: SessionUser, raw: Record<string, string> = {}) => getDashboard(user, dashboardParams.parse(raw));

beforeEach(async () => {
  now = new Date();
  [t, other] = await Promise.all([createTenant("Views"), createTenant("Elsewhere")]);
  first = await loadQualificationSettings(db(), t.org.id, t.pipeline.id);
  renewals = await addRenewals();
});

describe("dashboard by pipeline", () => {
  it("keeps each pipeline's deals out of the other's figures, and sums both for all pipelines", async () => {
    const a = await dealIn(first, 10_000);
    const b = await dealIn(first, 20_000, openStage(first, 1));
    const c = await dealIn(renewals, 5_000);
    // Another organization's deal in its own pipeline, never counted here.
    await createOpportunityFor(other.rep, (await createAccountFor(other.rep)).id, { amount: 999_000 });
    await db().stageChange.create({
      data: {
        organizationId: t.org.id,
        opportunityId: c.id,
        fromStage: openStage(renewals),
        toStage: openStage(renewals),
        actorId: t.rep.id,
        outcome: "allowed",
      },
    });

    const one = await dashboard(t.manager, { pipeline: first.pipelineId });
    const two = await dashboard(t.manager, { pipeline: renewals.pipelineId });
    const all = await dashboard(t.manager);
    expect([one.pipelineId, two.pipelineId, all.pipelineId]).toEqual([first.pipelineId, renewals.pipelineId, null]);
    expect([one.summary.openCount, one.summary.openAmount]).toEqual([2, 30_000]);
    expect([two.summary.openCount, two.summary.openAmount]).toEqual([1, 5_000]);
    expect([all.summary.openCount, all.summary.openAmount]).toEqual([3, 35_000]);
    expect(all.summary.raw).toBeCloseTo(one.summary.raw + two.summary.raw, 6);
    expect(all.summary.adjusted).toBeCloseTo(one.summary.adjusted + two.summary.adjusted, 6);
    for (const k of ["pursue", "unproven", "nurture", "disqualify"] as const)
      expect(all.summary.verdicts[k]).toBe(one.summary.verdicts[k] + two.summary.verdicts[k]);
    for (const k of ["critical", "warning", "blocked"] as const)
      expect(all.summary.riskCounts[k]).toBe(one.summary.riskCounts[k] + two.summary.riskCounts[k]);

    // One pipeline: its own stages and its framework's criteria. All: each pipeline's, named after it.
    expect(one.summary.stages.map((s) => s.stageId)).toEqual(first.pipeline.stages.filter((s) => s.kind === "open").map((s) => s.id));
    expect(two.summary.stages.map((s) => s.stageId)).toEqual(renewals.pipeline.stages.filter((s) => s.kind === "open").map((s) => s.id));
    expect(one.summary.gaps.map((g) => g.criterionId).sort()).toEqual(FRAMEWORKS.meddpicc.criteria.map((c) => c.id).sort());
    expect(two.summary.gaps.map((g) => g.criterionId).sort()).toEqual(FRAMEWORKS.bant.criteria.map((c) => c.id).sort());
    expect(two.frameworkName).toBe(FRAMEWORKS.bant.name);
    expect(all.summary.stages).toHaveLength(one.summary.stages.length + two.summary.stages.length);
    const renewalStage = all.summary.stages.find((s) => s.stageId === `${renewals.pipelineId}:${openStage(renewals)}`);
    expect(renewalStage).toMatchObject({ pipelineName: "Renewals", count: 1, amount: 5_000 });
    expect(all.summary.gaps.filter((g) => g.pipelineName === "Renewals")).toHaveLength(FRAMEWORKS.bant.criteria.length);
    expect(all.summary.gaps.find((g) => g.pipelineName === "Renewals")?.openCount).toBe(1);

    // The risk list and the history are the chosen pipeline's deals only.
    const risky = async (pipelineId?: string) =>
      (
        await db().opportunityAssessment.findMany({
          where: { organizationId: t.org.id, riskLevel: { not: null }, opportunity: { status: "open", ...(pipelineId && { pipelineId }) } },
          select: { opportunityId: true },
        })
      )
        .map((r) => r.opportunityId)
        .sort();
    expect(one.risks.rows.map((r) => r.id).sort()).toEqual(await risky(first.pipelineId));
    expect(two.risks.rows.map((r) => r.id).sort()).toEqual(await risky(renewals.pipelineId));
    expect(all.risks.rows.map((r) => r.id).sort()).toEqual(await risky());
    expect(one.history.stageChanges).toHaveLength(0);
    expect(two.history.stageChanges.map((m) => m.opportunityId)).toEqual([c.id]);
    expect(all.history.stageChanges.map((m) => m.opportunityId)).toEqual([c.id]);
    expect([a.id, b.id].every((id) => !two.risks.rows.some((r) => r.id === id))).toBe(true);
  });

  it("calibrates each pipeline on its own closed deals", async () => {
    await dealIn(first, 10_000);
    await dealIn(renewals, 5_000);
    await closedIn(first, "won", 1_000);
    await closedIn(renewals, "lost", 2_000);
    await closedIn(renewals, "lost", 3_000);
    const one = await dashboard(t.manager, { pipeline: first.pipelineId });
    const two = await dashboard(t.manager, { pipeline: renewals.pipelineId });
    const all = await dashboard(t.manager);
    expect([one.calibration.closedDeals, one.calibration.won]).toEqual([1, 1]);
    expect([two.calibration.closedDeals, two.calibration.lost]).toEqual([2, 2]);
    expect([all.calibration.closedDeals, all.calibration.won, all.calibration.lost]).toEqual([3, 1, 2]);
  });

  it("ignores another organization's pipeline id, as it does another organization's owner: all pipelines are shown", async () => {
    await dealIn(first, 10_000);
    await dealIn(renewals, 5_000);
    const d = await dashboard(t.manager, { pipeline: other.pipeline.id });
    expect(d.pipelineId).toBeNull();
    expect(d.summary.openCount).toBe(2);
    expect(d.pipelines.map((p) => p.id)).not.toContain(other.pipeline.id);
  });
});

describe("trends and forecast honesty by pipeline", () => {
  it("count only the chosen pipeline's deals, and every pipeline's for all; another organization's pipeline is not found", async () => {
    const deals = [await dealIn(first, 10_000), await dealIn(first, 20_000), await dealIn(renewals, 5_000)];
    for (const d of deals) {
      const settings = d.pipelineId === first.pipelineId ? first : renewals;
      await db().scoreSnapshot.create({
        data: {
          organizationId: t.org.id,
          opportunityId: d.id,
          at: now,
          stage: openStage(settings),
          fit: 100,
          intent: 50,
          verdict: "pursue",
          trigger: "evidence",
        },
      });
    }
    await closedIn(first, "won", 1_000);
    await closedIn(renewals, "lost", 2_000);

    const [one, two, all] = await Promise.all([
      getTrends(t.manager, now, first.pipelineId),
      getTrends(t.manager, now, renewals.pipelineId),
      getTrends(t.manager, now, null),
    ]);
    const pursued = (v: typeof one) => v.verdicts.reduce((sum, p) => sum + p.pursue, 0);
    const forecastDeals = (v: typeof one) => v.forecast.reduce((sum, p) => sum + p.deals, 0);
    // The closed deals' own scorecards (ten days back) count in the verdict mix and the forecast too.
    expect([pursued(one), pursued(two), pursued(all)]).toEqual([3, 2, 5]);
    expect([forecastDeals(one), forecastDeals(two), forecastDeals(all)]).toEqual([3, 2, 5]);
    expect(one.gaps.map((g) => g.criterionId).sort()).toEqual(FRAMEWORKS.meddpicc.criteria.map((c) => c.id).sort());
    expect(two.gaps.map((g) => g.criterionId).sort()).toEqual(FRAMEWORKS.bant.criteria.map((c) => c.id).sort());
    expect(two.gaps.every((g) => g.missing === 1)).toBe(true);
    expect(all.gaps).toHaveLength(one.gaps.length + two.gaps.length);
    expect(all.gaps.find((g) => g.pipelineName === "Renewals")?.label).toMatch(/^Renewals · /);
    expect(all.stages.filter((s) => s.pipelineName === "Renewals").reduce((sum, s) => sum + s.lost, 0)).toBe(1);
    expect(one.stages.reduce((sum, s) => sum + s.lost, 0)).toBe(0);

    const [h1, h2, hAll] = await Promise.all([
      getForecastHonesty(t.manager, now, first.pipelineId),
      getForecastHonesty(t.manager, now, renewals.pipelineId),
      getForecastHonesty(t.manager, now, null),
    ]);
    expect([h1.report.deals, h1.report.won]).toEqual([1, 1]);
    expect([h2.report.deals, h2.report.won]).toEqual([1, 0]);
    expect([hAll.report.deals, hAll.report.won]).toEqual([2, 1]);

    await expect(getTrends(t.manager, now, other.pipeline.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getForecastHonesty(t.manager, now, other.pipeline.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("opportunities list by pipeline", () => {
  it("filters the page and the API alike; another organization's pipeline matches nothing", async () => {
    const a = await dealIn(first, 10_000);
    const c = await dealIn(renewals, 5_000);
    const theirs = await createOpportunityFor(other.rep, (await createAccountFor(other.rep)).id);
    const ids = async (raw: Record<string, string>) =>
      (await findOpportunities(t.manager, opportunityListParams.parse(raw))).rows.map((r) => r.id).sort();
    expect(await ids({ pipeline: first.pipelineId })).toEqual([a.id]);
    expect(await ids({ pipeline: renewals.pipelineId })).toEqual([c.id]);
    expect(await ids({})).toEqual([a.id, c.id].sort());
    expect(await ids({ pipeline: other.pipeline.id })).toEqual([]);

    const token = await keyFor(t.admin, t.manager);
    const listed = async (query: string) => {
      const res = await api(token, "GET", `/opportunities${query}`);
      expect(res.status).toBe(200);
      return (res.body as { data: Array<{ id: string }> }).data.map((o) => o.id).sort();
    };
    expect(await listed(`?pipelineId=${renewals.pipelineId}`)).toEqual([c.id]);
    expect(await listed(`?pipelineId=${first.pipelineId}`)).toEqual([a.id]);
    expect(await listed("")).toEqual([a.id, c.id].sort());
    expect(await listed(`?pipelineId=${other.pipeline.id}`)).toEqual([]);
    expect(await listed(`?pipelineId=${other.pipeline.id}`)).not.toContain(theirs.id);
  });
});

describe("held badge", () => {
  it("shows on the board card and the deal page while a stage edit holds the deal, and goes with its next move", async () => {
    const opp = await dealIn(first, 10_000, "discovery");
    const plain = await dealIn(first, 20_000, "discovery");
    actAs(t.manager);
    const version = (await db().pipeline.findUniqueOrThrow({ where: { id: first.pipelineId } })).qualificationVersion;
    const stages = first.pipeline.stages
      .filter((s) => s.id !== "discovery")
      .map((s) => ({ id: s.id, label: s.label, probability: Math.round(s.probability * 100), kind: s.kind, exit: s.exit }));
    // Both deals go to Proposal; neither has passed Solution's gate, so both are held at Solution.
    const edited = await editStagesAction({
      pipelineId: first.pipelineId,
      expectedVersion: version,
      stages,
      destinations: { discovery: "proposal" },
    });
    expect(edited?.serverError).toBeUndefined();
    expect(edited?.data?.held.map((h) => h.opportunityId).sort()).toEqual([opp.id, plain.id].sort());

    const board = await loadBoard(t.manager, boardParams.parse({ pipeline: first.pipelineId }));
    const card = board.columns.flatMap((c) => c.cards).find((c) => c.id === opp.id);
    expect(card?.held?.stageLabel).toBe("Solution");
    expect(card?.held?.blockers.length).toBeGreaterThan(0);
    const view = await loadOpportunityView(t.manager, opp.id);
    expect(view?.held).toEqual({ stage: "solution", blockers: card?.held?.blockers });

    // A move (here back to the first stage) ends it.
    const current = await db().opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    const moved = await advanceStageAction({ opportunityId: opp.id, toStage: openStage(first), version: current.version });
    expect(moved?.serverError).toBeUndefined();
    expect((await loadCard(t.manager, opp.id))?.held).toBeNull();
    expect((await loadCard(t.manager, plain.id))?.held?.stageLabel).toBe("Solution");
    // Another organization cannot see the card at all.
    expect(await loadCard(other.manager, plain.id)).toBeNull();
  });
});
