import { beforeAll, describe, expect, it } from "vitest";
import { forecastHonesty, pipelineFor, FRAMEWORKS, type ClosedForecast } from "../../lib/qualification";
import { db } from "../../lib/server/db";
import { getForecastHonesty } from "../../lib/server/insights/forecast-honesty";
import { readTrends, TRENDS_FRESH_MS, trendsReport } from "../../lib/server/insights/trend-report";
import { settleReportRefresh } from "../fixtures/reports";
import { getTrends } from "../../lib/server/insights/trends";
import { createAccountFor, createTenant, type Tenant } from "../fixtures/tenants";

const NOW = new Date("2026-11-20T12:00:00Z");
const day = (iso: string) => new Date(`${iso}T10:00:00Z`);
const pipeline = pipelineFor(FRAMEWORKS.meddpicc);
const probability = new Map(pipeline.stages.map((s) => [s.id, s.probability]));

let tenant: Tenant;
let other: Tenant;

interface DealSpec {
  name: string;
  owner: "rep" | "otherRep";
  amount: number;
  status: "won" | "lost" | "open";
  confidence: number | null;
  path: Array<[string, string, number, string]>;
  closedOn?: string;
}

/** A deal with a scorecard at each [stage, date, intent, verdict] of its path, and the stage moves between them. */
async function makeDeal(t: Tenant, accountId: string, spec: DealSpec) {
  const owner = t[spec.owner];
  const last = spec.path.at(-1)!;
  const stage = spec.status === "open" ? last[0] : spec.status === "won" ? "closed_won" : "closed_lost";
  const deal = await db().opportunity.create({
    data: {
      organizationId: t.org.id,
      pipelineId: t.pipeline.id,
      accountId,
      ownerId: owner.id,
      name: spec.name,
      amount: spec.amount,
      stage,
      status: spec.status,
      repConfidence: spec.confidence,
      createdAt: new Date(spec.path[0]![1]),
    },
  });
  for (const [i, [s, at, intent, verdict]] of spec.path.entries()) {
    await db().scoreSnapshot.create({
      data: { organizationId: t.org.id, opportunityId: deal.id, stage: s, fit: 70, intent, verdict, trigger: "test", at: new Date(at) },
    });
    const next = spec.path[i + 1];
    const to = next ? next[0] : spec.status === "open" ? null : stage;
    if (to)
      await db().stageChange.create({
        data: {
          organizationId: t.org.id,
          opportunityId: deal.id,
          fromStage: s,
          toStage: to,
          actorId: owner.id,
          outcome: "allowed",
          at: next ? new Date(next[1]) : day(spec.closedOn!),
        },
      });
  }
  return deal;
}

const SPECS: DealSpec[] = [
  {
    name: "A",
    owner: "rep",
    amount: 100_000,
    status: "won",
    confidence: 90,
    closedOn: "2026-10-05",
    path: [
      ["discovery", "2026-08-01T00:00:00Z", 30, "nurture"],
      ["proposal", "2026-09-01T00:00:00Z", 75, "pursue"],
    ],
  },
  {
    name: "B",
    owner: "rep",
    amount: 50_000,
    status: "lost",
    confidence: 80,
    closedOn: "2026-06-10",
    path: [
      ["discovery", "2026-04-01T00:00:00Z", 20, "nurture"],
      ["solution", "2026-05-01T00:00:00Z", 25, "nurture"],
    ],
  },
  {
    name: "C",
    owner: "otherRep",
    amount: 200_000,
    status: "lost",
    confidence: null,
    closedOn: "2026-03-02",
    path: [["negotiation", "2026-02-01T00:00:00Z", 50, "pursue"]],
  },
  {
    name: "D",
    owner: "otherRep",
    amount: 80_000,
    status: "won",
    confidence: 60,
    closedOn: "2026-11-01",
    path: [
      ["proposal", "2026-09-15T00:00:00Z", 45, "pursue"],
      ["negotiation", "2026-10-20T00:00:00Z", 80, "pursue"],
    ],
  },
  // Closed before the four-quarter window: left out.
  {
    name: "Old",
    owner: "rep",
    amount: 999_000,
    status: "won",
    confidence: 90,
    closedOn: "2025-09-01",
    path: [["proposal", "2025-08-01T00:00:00Z", 90, "pursue"]],
  },
  {
    name: "Open",
    owner: "rep",
    amount: 40_000,
    status: "open",
    confidence: 50,
    path: [
      ["discovery", "2026-10-01T00:00:00Z", 35, "unproven"],
      ["solution", "2026-11-02T00:00:00Z", 60, "pursue"],
    ],
  },
];

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTenant("Insights"), createTenant("Elsewhere")]);
  const account = await createAccountFor(tenant.rep);
  for (const spec of SPECS) await makeDeal(tenant, account.id, spec);
  // Closed without any scorecard while open: counted as left out.
  await db().opportunity.create({
    data: {
      organizationId: tenant.org.id,
      pipelineId: tenant.pipeline.id,
      accountId: account.id,
      ownerId: tenant.rep.id,
      name: "Unscored",
      amount: 10_000,
      stage: "closed_lost",
      status: "lost",
      expectedCloseDate: day("2026-07-01"),
    },
  });
  const theirs = await createAccountFor(other.rep);
  await makeDeal(other, theirs.id, { ...SPECS[0]!, name: "Theirs" });
  await db().criterionState.createMany({
    data: [
      {
        organizationId: tenant.org.id,
        opportunityId: (await db().opportunity.findFirstOrThrow({ where: { organizationId: tenant.org.id, name: "Open" } })).id,
        criterionId: "metrics",
        state: "verified",
        updatedById: tenant.rep.id,
      },
      {
        organizationId: tenant.org.id,
        opportunityId: (await db().opportunity.findFirstOrThrow({ where: { organizationId: tenant.org.id, name: "A" } })).id,
        criterionId: "metrics",
        state: "claimed",
        updatedById: tenant.rep.id,
      },
    ],
  });
});

/** The straightforward computation: each closed deal's scorecard at each open stage, the engine's honesty math. */
function expectedForecasts(): ClosedForecast[] {
  return SPECS.filter((s) => s.status !== "open" && s.name !== "Old").flatMap((s) =>
    s.path.map(([stage, , intent]) => ({
      id: s.name,
      weight: 1 / s.path.length,
      ownerId: s.owner,
      closedOn: day(s.closedOn!),
      amount: s.amount,
      won: s.status === "won",
      stageProbability: probability.get(stage)!,
      repConfidence: s.confidence,
      intentScore: intent,
    })),
  );
}

describe("forecast honesty", () => {
  it("rests on the closed deals of the last four quarters, each judged at every open stage it was scored at", async () => {
    const { report, unscored, owners } = await getForecastHonesty(tenant.manager, NOW);
    const expected = forecastHonesty(expectedForecasts());
    expect(report).toMatchObject({ deals: 4, forecasts: 7, won: 2, withRepConfidence: 3 });
    expect(unscored).toBe(1);
    for (const p of ["stage", "rep", "adjusted"] as const) {
      expect(report.overall[p].brier).toBeCloseTo(expected.overall[p].brier!, 10);
      expect(report.overall[p].amountError).toBeCloseTo(expected.overall[p].amountError, 4);
      expect(report.overall[p].bias).toBeCloseTo(expected.overall[p].bias!, 10);
    }
    expect(report.byQuarter.map((g) => [g.key, g.won, g.lost])).toEqual([
      ["2026-Q1", 0, 1],
      ["2026-Q2", 0, 1],
      ["2026-Q4", 2, 0],
    ]);
    expect(report.byOwner.map((g) => [owners[g.key], g.won + g.lost]).sort()).toEqual([
      ["OtherRep", 2],
      ["Rep", 2],
    ]);
    // By hand: stage 0.15, 0.6 (A won); 0.15, 0.35 (B lost); 0.8 (C lost); 0.6, 0.8 (D won).
    expect(report.overall.stage.brier).toBeCloseTo((0.7225 + 0.16 + 0.0225 + 0.1225 + 0.64 + 0.16 + 0.04) / 7, 10);
    // Money counts each deal once: A's two forecasts average (0.15 + 0.6) / 2 of 100k.
    expect(report.overall.stage.predictedAmount).toBeCloseTo(100_000 * 0.375 + 50_000 * 0.25 + 200_000 * 0.8 + 80_000 * 0.7, 4);
  });

  it("is for managers and admins only", async () => {
    await expect(getForecastHonesty(tenant.rep, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getForecastHonesty(tenant.marketing, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getForecastHonesty(tenant.admin, NOW)).report.deals).toBe(4);
    expect((await getForecastHonesty(other.manager, NOW)).report.deals).toBe(1);
  });
});

describe("trends", () => {
  it("computes the verdict mix per month from each deal's last scorecard of the month", async () => {
    const { verdicts, since } = await getTrends(tenant.manager, NOW);
    expect(since).toEqual(new Date("2026-01-01T00:00:00Z"));
    const expected = new Map<string, Record<string, number>>();
    for (const s of SPECS) {
      const lastOfMonth = new Map<string, string>();
      for (const [, at, , verdict] of s.path) if (new Date(at) >= since) lastOfMonth.set(at.slice(0, 7), verdict);
      for (const [month, verdict] of lastOfMonth) {
        const m = expected.get(month) ?? { pursue: 0, unproven: 0, nurture: 0, disqualify: 0 };
        m[verdict]! += 1;
        expected.set(month, m);
      }
    }
    expect(verdicts).toEqual([...expected.entries()].sort().map(([month, m]) => ({ month, ...m })));
  });

  it("computes raw and adjusted forecast per quarter from the quarter's last open scorecards", async () => {
    const { forecast } = await getTrends(tenant.manager, NOW);
    const q = (quarter: string, deals: Array<[number, string, number]>) => {
      const raw = deals.reduce((n, [amount, stage]) => n + amount * probability.get(stage)!, 0);
      const factor = (i: number) => (i >= 70 ? 1.1 : i >= 40 ? 0.9 : 0.5);
      const adjusted = deals.reduce((n, [amount, stage, intent]) => n + amount * Math.min(1, probability.get(stage)! * factor(intent)), 0);
      return { quarter, deals: deals.length, raw, adjusted };
    };
    const want = [
      q("2026 Q1", [[200_000, "negotiation", 50]]),
      q("2026 Q2", [[50_000, "solution", 25]]),
      q("2026 Q3", [
        [100_000, "proposal", 75],
        [80_000, "proposal", 45],
      ]),
      q("2026 Q4", [
        [80_000, "negotiation", 80],
        [40_000, "solution", 60],
      ]),
    ];
    expect(forecast.map((p) => p.quarter)).toEqual(want.map((p) => p.quarter));
    forecast.forEach((p, i) => {
      expect(p.deals).toBe(want[i]!.deals);
      expect(p.raw).toBeCloseTo(want[i]!.raw, 4);
      expect(p.adjusted).toBeCloseTo(want[i]!.adjusted, 4);
    });
  });

  it("counts stage exits forward and into lost, with days in stage, and gaps per criterion", async () => {
    const { stages, gaps } = await getTrends(tenant.manager, NOW);
    const discovery = stages.find((s) => s.stageId === "discovery")!;
    // A: discovery → proposal (forward); B: discovery → solution (forward); Open: discovery → solution (forward).
    expect(discovery).toMatchObject({ advanced: 3, lost: 0, conversion: 1 });
    const solution = stages.find((s) => s.stageId === "solution")!;
    expect(solution).toMatchObject({ entered: 2, advanced: 0, lost: 1, conversion: 0 }); // B lost from solution
    expect(solution.avgDays).toBeCloseTo((day("2026-06-10").getTime() - new Date("2026-05-01T00:00:00Z").getTime()) / 86_400_000, 4);
    const metrics = gaps.find((g) => g.criterionId === "metrics")!;
    expect(metrics).toMatchObject({ verified: 1, claimed: 0, missing: 0 }); // only "Open" is open; A is closed
  });

  it("is for managers and admins only", async () => {
    await expect(getTrends(tenant.rep, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("stored trends (the dashboard's read)", () => {
  const key = (organizationId: string) => ({ organizationId, kind: "trends", scope: "all" });
  const stored = (organizationId: string) => db().storedReport.findUnique({ where: { organizationId_kind_scope: key(organizationId) } });

  it("computes and stores them on the first view, then serves the stored row while it is fresh", async () => {
    await db().storedReport.deleteMany({ where: { organizationId: tenant.org.id } });
    const first = await readTrends(tenant.manager, NOW, null);
    expect(first.refreshing).toBe(false);
    expect(JSON.parse(JSON.stringify(first.value))).toEqual(JSON.parse(JSON.stringify(await getTrends(tenant.manager, NOW))));
    expect((await stored(tenant.org.id))?.computedAt).toEqual(NOW);

    // A new scorecard shows only once the stored trends are refreshed.
    const [deal] = await db().opportunity.findMany({ where: { organizationId: tenant.org.id, status: "open" }, take: 1 });
    await db().scoreSnapshot.create({
      data: {
        organizationId: tenant.org.id,
        opportunityId: deal!.id,
        stage: deal!.stage,
        fit: 70,
        intent: 10,
        verdict: "disqualify",
        trigger: "test",
        at: NOW,
      },
    });
    const fresh = await readTrends(tenant.manager, new Date(NOW.getTime() + TRENDS_FRESH_MS - 1000), null);
    expect(fresh.computedAt).toEqual(NOW);
    expect(fresh.value.verdicts).toEqual(first.value.verdicts);

    // Once stale: the stored figures still answer at once, and a refresh (in this process on PGlite) replaces them.
    const later = new Date(NOW.getTime() + TRENDS_FRESH_MS + 1000);
    const stale = await readTrends(tenant.manager, later, null);
    expect(stale).toMatchObject({ refreshing: true, computedAt: NOW });
    await settleReportRefresh(trendsReport, tenant.org.id, "all");
    const refreshed = await stored(tenant.org.id);
    expect(refreshed!.computedAt.getTime()).toBeGreaterThan(NOW.getTime());
    const after = await readTrends(tenant.manager, refreshed!.computedAt, null);
    const november = after.value.verdicts.find((m) => m.month === "2026-11");
    expect(november?.disqualify).toBe((first.value.verdicts.find((m) => m.month === "2026-11")?.disqualify ?? 0) + 1);
    await db().scoreSnapshot.deleteMany({ where: { opportunityId: deal!.id, at: NOW, trigger: "test", verdict: "disqualify" } });
  });

  it("recomputes a stored row whose shape is not the current one", async () => {
    await db().storedReport.upsert({
      where: { organizationId_kind_scope: key(tenant.org.id) },
      create: { ...key(tenant.org.id), data: { forecast: "old shape" }, computedAt: NOW },
      update: { data: { forecast: "old shape" }, computedAt: NOW },
    });
    const read = await readTrends(tenant.manager, NOW, null);
    expect(Array.isArray(read.value.forecast)).toBe(true);
    const data = (await stored(tenant.org.id))?.data as { forecast?: unknown } | undefined;
    expect(Array.isArray(data?.forecast)).toBe(true);
  });

  it("refuses reps, and another organization's pipeline is not found and nothing is stored for it", async () => {
    await expect(readTrends(tenant.rep, NOW, null)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(readTrends(tenant.manager, NOW, other.pipeline.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().storedReport.count({ where: { organizationId: tenant.org.id, scope: other.pipeline.id } })).toBe(0);
  });
});
