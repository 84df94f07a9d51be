import { beforeEach, describe, expect, it } from "vitest";
import { calibrate, forecast, toForecastDeal, type ClosedDealOutcome, type EvidenceState } from "../../lib/qualification";
import { getDashboard } from "../../lib/server/dashboard/get-dashboard";
import { CALIBRATION_FRESH_MS, calibrationReport, setCalibrationStoreFromForTests } from "../../lib/server/dashboard/calibration-report";
import { OPEN_TOTALS_FRESH_MS, openTotalsReport, setOpenTotalsLiveLimitForTests } from "../../lib/server/dashboard/open-totals-report";
import { settleReportRefresh } from "../fixtures/reports";
import { dashboardParams } from "../../lib/server/dashboard/params";
import { findRisks } from "../../lib/server/dashboard/risk-list";
import { db } from "../../lib/server/db";
import { assess } from "../../lib/server/qualification/assess";
import { currentVersions } from "../../lib/server/qualification/score-currency";
import { loadQualificationSettings } from "../../lib/server/qualification/settings";
import { assessmentInclude, toSnapshot } from "../../lib/server/qualification/snapshot";
import type { SessionUser } from "../../lib/server/session";
import { createAccountFor, createTenant, firstPipelineId, storeAssessment, type Tenant } from "../fixtures/tenants";

const DAY = 86_400_000;
let t: Tenant;
let now: Date;

interface DealSpec {
  name?: string;
  stage?: string;
  amount?: number;
  idleDays?: number;
  /** criterionId → state; `dated` adds fresh evidence, otherwise a claim has none (and so is stale). */
  criteria?: Record<string, EvidenceState | { state: EvidenceState; dated: true }>;
}

async function deal(owner: SessionUser, spec: DealSpec = {}) {
  const account = await createAccountFor(owner, { name: `Acc ${spec.name ?? "deal"}` });
  const stage = spec.stage ?? "discovery";
  const status = stage === "closed_won" ? "won" : stage === "closed_lost" ? "lost" : "open";
  const opp = await db().opportunity.create({
    data: {
      organizationId: owner.organizationId,
      pipelineId: await firstPipelineId(owner.organizationId),
      ownerId: owner.id,
      accountId: account.id,
      name: spec.name ?? "Deal",
      amount: spec.amount ?? 10_000,
      stage,
      status,
      ...(spec.idleDays && {
        createdAt: new Date(now.getTime() - spec.idleDays * DAY),
        lastActivityAt: new Date(now.getTime() - spec.idleDays * DAY),
      }),
    },
  });
  for (const [criterionId, value] of Object.entries(spec.criteria ?? {})) {
    const state = typeof value === "string" ? value : value.state;
    const base = { organizationId: owner.organizationId, opportunityId: opp.id, criterionId };
    await db().criterionState.create({ data: { ...base, state, updatedById: owner.id } });
    if (typeof value !== "string")
      await db().evidence.create({ data: { ...base, state, excerpt: "said so", capturedAt: new Date(now.getTime() - DAY), capturedById: owner.id } });
  }
  await storeAssessment(owner.organizationId, opp.id, now);
  return opp;
}

const move = (
  owner: SessionUser,
  opportunityId: string,
  fromStage: string,
  toStage: string,
  at: Date,
  extra: { outcome?: "allowed" | "overridden"; reason?: string; blockers?: object[] } = {},
) =>
  db().stageChange.create({
    data: {
      organizationId: owner.organizationId,
      opportunityId,
      fromStage,
      toStage,
      actorId: owner.id,
      at,
      outcome: extra.outcome ?? "allowed",
      reason: extra.reason ?? null,
      blockers: extra.blockers ?? [],
    },
  });

const snapshot = (owner: SessionUser, opportunityId: string, at: Date, scores: { stage: string; intent: number; fit?: number; verdict?: string }) =>
  db().scoreSnapshot.create({
    data: {
      organizationId: owner.organizationId,
      opportunityId,
      at,
      fit: scores.fit ?? 100,
      verdict: scores.verdict ?? "pursue",
      trigger: "evidence",
      ...scores,
    },
  });

/** What the engine says the forecast of the org's open deals is: a fresh assessment of every deal, independent of the stored rows. */
async function engineForecast(organizationId: string, outcomes: ClosedDealOutcome[]) {
  const settings = await loadQualificationSettings(db(), organizationId, null);
  const rows = await db().opportunity.findMany({ where: { organizationId, status: "open" }, include: assessmentInclude });
  const calibration = outcomes.length > 0 ? calibrate(outcomes, settings.pipeline) : undefined;
  return forecast(
    rows.map((row) => toForecastDeal(toSnapshot(row), settings.pipeline, assess(row, settings, now).intent)),
    { basis: "stage", calibration },
  );
}

beforeEach(async () => {
  now = new Date();
  t = await createTenant("Dash");
});

describe("tenant isolation", () => {
  it("never shows another organization's deals, history or owners, even when asked for its rep", async () => {
    const other = await createTenant("Rival");
    const mine = await deal(t.rep, { name: "Mine", amount: 20_000 });
    const theirs = await deal(other.rep, { name: "Theirs", amount: 999_000, criteria: { identify_pain: "negative" } });
    await move(other.rep, theirs.id, "prospecting", "discovery", now);
    await snapshot(other.rep, theirs.id, now, { stage: "discovery", intent: 5 });
    await deal(other.rep, { name: "Their won", stage: "closed_won" });

    for (const owner of [undefined, other.rep.id]) {
      const d = await getDashboard(t.manager, dashboardParams.parse({ owner }));
      expect(d.ownerId).toBeNull();
      expect(d.summary.openCount).toBe(1);
      expect(d.summary.openAmount).toBe(20_000);
      expect(d.risks.rows.map((r) => r.id)).toEqual([mine.id]);
      expect(d.history.stageChanges).toEqual([]);
      expect(d.history.scoreChanges).toEqual([]);
      expect(d.calibration).toMatchObject({ used: false, closedDeals: 0 });
      expect(d.owners.map((o) => o.id)).not.toContain(other.rep.id);
    }
  });

  it("says the organization has no deals when it has none", async () => {
    await deal((await createTenant("Busy")).rep);
    const d = await getDashboard(t.manager, {});
    expect(d.hasDeals).toBe(false);
    expect(d.summary).toMatchObject({ openCount: 0, openAmount: 0, raw: 0, adjusted: 0 });
    expect(d.risks.rows).toEqual([]);
  });
});

describe("forecast", () => {
  it("uses default factors without closed deals and equals the engine's forecast of the same deals", async () => {
    await deal(t.rep, { stage: "discovery", amount: 100_000 });
    await deal(t.otherRep, { stage: "proposal", amount: 50_000, criteria: { metrics: { state: "verified", dated: true } } });
    const d = await getDashboard(t.manager, {});
    const engine = await engineForecast(t.org.id, []);
    expect(d.summary.raw).toBeCloseTo(engine.raw, 6);
    expect(d.summary.adjusted).toBeCloseTo(engine.adjusted, 6);
    // By hand: 100k × 15% and 50k × 60%, both low-qualified (×0.5).
    expect(d.summary.raw).toBeCloseTo(15_000 + 30_000, 6);
    expect(d.summary.adjusted).toBeCloseTo(7_500 + 15_000, 6);
    expect(d.calibration.used).toBe(false);
  });

  it("calibrates on closed deals: last snapshot's intent, furthest open stage from the stage history", async () => {
    const outcomes: ClosedDealOutcome[] = [];
    for (let i = 0; i < 6; i++) {
      const won = await deal(t.rep, { stage: "closed_won", name: `Won ${i}` });
      await snapshot(t.rep, won.id, new Date(now.getTime() - 3 * DAY), { stage: "negotiation", intent: 90 });
      await snapshot(t.rep, won.id, new Date(now.getTime() - DAY), { stage: "closed_won", intent: 20 });
      outcomes.push({ id: won.id, outcome: "won", lastOpenStageId: "negotiation", intentScore: 20 });
    }
    for (let i = 0; i < 4; i++) {
      const lost = await deal(t.rep, { stage: "closed_lost", name: `Lost ${i}` });
      await move(t.rep, lost.id, "solution", "proposal", new Date(now.getTime() - 5 * DAY));
      await move(t.rep, lost.id, "proposal", "discovery", new Date(now.getTime() - 4 * DAY));
      await move(t.rep, lost.id, "discovery", "closed_lost", new Date(now.getTime() - 3 * DAY));
      await snapshot(t.rep, lost.id, new Date(now.getTime() - 3 * DAY), { stage: "closed_lost", intent: 10 });
      outcomes.push({ id: lost.id, outcome: "lost", lastOpenStageId: "proposal", intentScore: 10 });
    }
    await deal(t.rep, { stage: "prospecting", amount: 100_000 });
    await deal(t.rep, { stage: "proposal", amount: 40_000 });
    await deal(t.rep, { stage: "negotiation", amount: 10_000 });

    const d = await getDashboard(t.manager, {});
    const engine = await engineForecast(t.org.id, outcomes);
    expect(d.summary.raw).toBeCloseTo(engine.raw, 6);
    expect(d.summary.adjusted).toBeCloseTo(engine.adjusted, 6);
    // Low band, 6 of 10 won up to proposal: prospecting and proposal priced at the observed 60%; negotiation
    // saw only the 6 won deals (< 10), so its default ×0.5 applies to 80%.
    expect(d.summary.adjusted).toBeCloseTo(60_000 + 24_000 + 4_000, 6);
    expect(d.calibration).toMatchObject({
      used: true,
      closedDeals: 10,
      won: 6,
      lost: 4,
      trustedCells: 4,
      totalCells: 15,
      scoredAtClose: 0,
      pathUnknown: 0,
    });
    expect(d.summary.calibratedDeals).toBe(2);
  });

  it("scores a closed deal without snapshots by its stored assessment and counts a lost one at the first stage", async () => {
    await deal(t.rep, { stage: "closed_lost", criteria: { metrics: { state: "verified", dated: true } } });
    const d = await getDashboard(t.manager, {});
    expect(d.calibration).toMatchObject({ used: true, closedDeals: 1, lost: 1, scoredAtClose: 1, pathUnknown: 1, skipped: 0 });
  });
});

describe("pipeline by stage, verdicts, risks and gaps", () => {
  it("totals open deals per open stage in pipeline order, with empty stages at zero", async () => {
    await deal(t.rep, { stage: "discovery", amount: 10_000 });
    await deal(t.rep, { stage: "discovery", amount: 30_000 });
    await deal(t.otherRep, { stage: "solution", amount: 20_000 });
    await deal(t.rep, { stage: "closed_won", amount: 500_000 });
    const { summary } = await getDashboard(t.manager, {});
    expect(summary.stages.map((s) => [s.stageId, s.count, s.amount])).toEqual([
      ["prospecting", 0, 0],
      ["discovery", 2, 40_000],
      ["solution", 1, 20_000],
      ["proposal", 0, 0],
      ["negotiation", 0, 0],
    ]);
    expect(summary.stages.find((s) => s.stageId === "discovery")?.raw).toBeCloseTo(6_000, 6);
    expect(summary.stages.reduce((sum, s) => sum + s.adjusted, 0)).toBeCloseTo(summary.adjusted, 6);
    expect(summary).toMatchObject({ openCount: 3, openAmount: 60_000 });
  });

  it("counts verdicts and lists risky deals by severity, then amount", async () => {
    const dq = await deal(t.rep, { name: "No pain", amount: 5_000, criteria: { identify_pain: "negative" } });
    const later = await deal(t.rep, { name: "Not now", amount: 8_000, criteria: { competition: "negative" } });
    // In Solution with no evidence of pain, which a deal needs to leave Discovery.
    const unproven = await deal(t.rep, { name: "No evidence", stage: "solution", amount: 3_000 });
    const big = await deal(t.rep, { name: "Blocked big", amount: 90_000 });
    const small = await deal(t.rep, { name: "Blocked small", amount: 1_000 });
    const { summary, risks } = await getDashboard(t.manager, {});
    expect(summary.verdicts).toEqual({ pursue: 2, unproven: 1, nurture: 1, disqualify: 1 });
    expect(summary.riskCounts).toEqual({ critical: 1, warning: 2, blocked: 2 });
    expect(risks.rows.map((r) => [r.id, r.level])).toEqual([
      [dq.id, "critical"],
      [later.id, "warning"],
      [unproven.id, "warning"],
      [big.id, "blocked"],
      [small.id, "blocked"],
    ]);
    expect(risks.rows[2]).toMatchObject({ verdict: "unproven", verdictReason: "At Solution without the evidence a deal there needs: Identify pain" });
    expect((await getDashboard(t.manager, { verdict: "unproven" })).risks.rows.map((r) => r.id)).toEqual([unproven.id]);
    const first = risks.rows[0];
    expect(first).toMatchObject({ verdict: "disqualify", ownerName: "Rep", amount: 5_000 });
    expect(first?.verdictReason).toMatch(/pain/i);
    expect(risks.rows[3]?.gate).toMatchObject({ toStageLabel: "Solution", blockers: [expect.stringMatching(/pain/i)] });
  });

  it("pages through every risk in order, whether a severity's page comes from the amount walk or its fallback", async () => {
    const specs: DealSpec[] = [];
    for (let i = 0; i < 8; i++) specs.push({ name: `Critical ${i}`, amount: 1_000 * (i % 3), criteria: { identify_pain: "negative" } });
    for (let i = 0; i < 8; i++) specs.push({ name: `Warning ${i}`, amount: 5_000 + 1_000 * (i % 4), criteria: { competition: "negative" } });
    for (let i = 0; i < 7; i++) specs.push({ name: `Blocked ${i}`, amount: 50_000 + 1_000 * (i % 2) });
    const created = [];
    for (const spec of specs) created.push(await deal(t.rep, spec));
    const rank = (name: string) => (name.startsWith("Critical") ? 0 : name.startsWith("Warning") ? 1 : 2);
    // Most severe first, then largest, then id descending: ties in amount are common.
    const expected = created
      .map((d) => ({ id: d.id, rank: rank(d.name), amount: Number(d.amount) }))
      .sort((a, b) => a.rank - b.rank || b.amount - a.amount || (a.id < b.id ? 1 : -1))
      .map((d) => d.id);
    const current = await currentVersions(db(), t.org.id);
    const label = (_pipelineId: string, stageId: string) => stageId;
    // 1: every severity falls back; 3: some pages are walked, some not; the default: all walked.
    for (const walk of [1, 3, undefined]) {
      const risks = (cursor: { after?: string; before?: string }) => findRisks(db(), { organizationId: t.org.id }, {}, cursor, label, current, walk);
      const first = await risks({});
      expect(first.total.count).toBe(23);
      expect(first.previous).toBeNull();
      const second = await risks({ after: first.next! });
      expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(expected);
      expect(second.next).toBeNull();
      const back = await risks({ before: second.previous! });
      expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
      expect(back.previous).toBeNull();
      const blocked = await findRisks(db(), { organizationId: t.org.id }, { level: "blocked" }, {}, label, current, walk);
      expect(blocked.rows.map((r) => r.id)).toEqual(expected.slice(16));
    }
  });

  it("says a flag that is the verdict's own reason once", async () => {
    await deal(t.rep, { name: "Gone quiet", idleDays: 60 });
    const [risk] = (await getDashboard(t.manager, {})).risks.rows;
    expect(risk).toMatchObject({ level: "critical", verdict: "nurture" });
    expect(risk?.verdictReason).toMatch(/no activity for 60 days/i);
    expect(risk?.flags.map((f) => f.text)).not.toContain(risk?.verdictReason);
  });

  it("counts each criterion's gaps by kind across open deals", async () => {
    await deal(t.rep, { criteria: { identify_pain: "negative", metrics: { state: "claimed", dated: true } } });
    await deal(t.rep, { criteria: { metrics: "claimed", champion: { state: "verified", dated: true } } });
    await deal(t.rep, { stage: "closed_lost", criteria: { metrics: "negative" } });
    const { summary } = await getDashboard(t.manager, {});
    const byId = new Map(summary.gaps.map((g) => [g.criterionId, g]));
    expect(byId.get("metrics")).toMatchObject({ counts: { unknown: 0, stale: 1, negative: 0, unverified: 1 }, total: 2 });
    expect(byId.get("identify_pain")).toMatchObject({ counts: { unknown: 1, stale: 0, negative: 1, unverified: 0 }, knockout: true });
    expect(byId.get("champion")).toMatchObject({ counts: { unknown: 1, stale: 0, negative: 0, unverified: 0 }, total: 1 });
    expect(byId.get("paper_process")?.counts.unknown).toBe(2);
  });
});

describe("owner filter and recent history", () => {
  it("parses the owner from the URL and falls back to everyone on anything invalid", async () => {
    expect(dashboardParams.parse({ owner: ["a", "b"] }).owner).toBeUndefined();
    expect(dashboardParams.parse({ owner: "all" }).owner).toBeUndefined();
    expect(dashboardParams.parse({ owner: "x'; drop table" }).owner).toBeUndefined();
    await deal(t.rep, { amount: 1_000 });
    await deal(t.otherRep, { amount: 2_000 });
    const mine = await getDashboard(t.manager, dashboardParams.parse({ owner: t.rep.id }));
    expect(mine).toMatchObject({ ownerId: t.rep.id, summary: { openCount: 1, openAmount: 1_000 } });
    const unknown = await getDashboard(t.manager, dashboardParams.parse({ owner: "nobody_here" }));
    expect(unknown).toMatchObject({ ownerId: null, summary: { openCount: 2, openAmount: 3_000 } });
  });

  it("lists the latest stage moves and score changes newest first, limited, with overrides and previous scores", async () => {
    const opp = await deal(t.rep, { name: "Busy deal" });
    const quiet = await deal(t.otherRep, { name: "Other rep's deal" });
    for (let i = 0; i < 17; i++) await move(t.rep, opp.id, "prospecting", "discovery", new Date(now.getTime() - (20 - i) * DAY));
    await move(t.manager, opp.id, "discovery", "solution", now, {
      outcome: "overridden",
      reason: "CFO sponsor confirmed verbally",
      blockers: [{ stageId: "discovery", code: "criterion_missing", message: "Pain is unknown" }],
    });
    await move(t.otherRep, quiet.id, "prospecting", "discovery", new Date(now.getTime() - 30 * DAY));
    await snapshot(t.rep, opp.id, new Date(now.getTime() - 2 * DAY), { stage: "discovery", intent: 20, verdict: "nurture" });
    await snapshot(t.rep, opp.id, new Date(now.getTime() - DAY), { stage: "solution", intent: 45 });

    const { history } = await getDashboard(t.manager, {});
    expect(history.stageChanges).toHaveLength(15);
    expect(history.stageChanges[0]).toMatchObject({
      opportunityId: opp.id,
      opportunityName: "Busy deal",
      fromLabel: "Discovery",
      toLabel: "Solution",
      actorName: "Manager",
      outcome: "overridden",
      reason: "CFO sponsor confirmed verbally",
      overridden: ["Pain is unknown"],
    });
    const times = history.stageChanges.map((c) => c.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(history.scoreChanges.map((s) => [s.intent, s.previous])).toEqual([
      [45, { fit: 100, intent: 20, verdict: "nurture" }],
      [20, null],
    ]);

    const filtered = await getDashboard(t.manager, { owner: t.otherRep.id });
    expect(filtered.history.stageChanges.map((c) => c.opportunityId)).toEqual([quiet.id]);
    expect(filtered.history.scoreChanges).toEqual([]);
  });
});

describe("open-deal totals of a large organization", () => {
  it("are counted live below the limit, and above it stored, served while fresh and refreshed in the background once stale", async () => {
    await deal(t.rep, { name: "One", amount: 1_000 });
    await deal(t.rep, { name: "Two", amount: 2_000 });
    const live = await getDashboard(t.manager, {}, now);
    expect(live.totalsAsOf).toBeNull();
    expect(await db().storedReport.count({ where: { organizationId: t.org.id } })).toBe(0);

    setOpenTotalsLiveLimitForTests(2);
    try {
      const first = await getDashboard(t.manager, {}, now);
      expect(first.totalsAsOf).toEqual(now);
      expect([first.summary.openCount, first.summary.openAmount]).toEqual([2, 3_000]);

      await deal(t.rep, { name: "Three", amount: 4_000 });
      const fresh = await getDashboard(t.manager, {}, new Date(now.getTime() + OPEN_TOTALS_FRESH_MS - 1000));
      expect([fresh.summary.openCount, fresh.totalsAsOf]).toEqual([2, now]);
      // The risk list is never stored: it shows the new deal at once.
      expect(fresh.risks.total.count).toBe(live.risks.total.count + 1);

      const stale = await getDashboard(t.manager, {}, new Date(now.getTime() + OPEN_TOTALS_FRESH_MS + 1000));
      expect(stale.summary.openCount).toBe(2);
      await settleReportRefresh(openTotalsReport, t.org.id, "*|*");
      const refreshed = await getDashboard(t.manager, {}, new Date(now.getTime() + OPEN_TOTALS_FRESH_MS + 2000));
      expect([refreshed.summary.openCount, refreshed.summary.openAmount]).toEqual([3, 7_000]);
      expect(refreshed.totalsAsOf!.getTime()).toBeGreaterThan(now.getTime());

      // One owner's view is its own report, counted for that owner only.
      const mine = await getDashboard(t.manager, dashboardParams.parse({ owner: t.rep.id }), now);
      expect(mine.summary.openCount).toBe(3);
      const theirs = await getDashboard(t.manager, dashboardParams.parse({ owner: t.otherRep.id }), now);
      expect(theirs.summary.openCount).toBe(0);
    } finally {
      setOpenTotalsLiveLimitForTests(undefined);
    }
  });
});

describe("calibration of a pipeline with many closed deals", () => {
  it("is read live below the threshold, and above it stored and refreshed once older than its freshness", async () => {
    await deal(t.rep, { name: "Open" });
    await deal(t.rep, { name: "Won", stage: "closed_won" });
    expect((await getDashboard(t.manager, {}, now)).calibration.closedDeals).toBe(1);
    expect(await db().storedReport.count({ where: { organizationId: t.org.id, kind: "calibration" } })).toBe(0);

    setCalibrationStoreFromForTests(1);
    try {
      await db().storedReport.deleteMany({ where: { organizationId: t.org.id } });
      expect((await getDashboard(t.manager, {}, now)).calibration).toMatchObject({ closedDeals: 1, won: 1 });
      await deal(t.rep, { name: "Lost", stage: "closed_lost" });
      expect((await getDashboard(t.manager, {}, now)).calibration).toMatchObject({ closedDeals: 1, lost: 0 });
      await getDashboard(t.manager, {}, new Date(now.getTime() + CALIBRATION_FRESH_MS + 1000));
      await settleReportRefresh(calibrationReport, t.org.id, await firstPipelineId(t.org.id));
      expect((await getDashboard(t.manager, {}, new Date(now.getTime() + CALIBRATION_FRESH_MS + 2000))).calibration).toMatchObject({
        closedDeals: 2,
        won: 1,
        lost: 1,
      });
    } finally {
      setCalibrationStoreFromForTests(undefined);
    }
  });
});
