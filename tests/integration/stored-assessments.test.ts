import { beforeEach, describe, expect, it } from "vitest";
import { updateAccountAction } from "../../lib/actions/accounts/update-account";
import { createAccountAction } from "../../lib/actions/accounts/create-account";
import { createIcpVersionAction } from "../../lib/actions/icp/create-icp-version";
import { logNoteAction } from "../../lib/actions/notes/log-note";
import { advanceStageAction } from "../../lib/actions/opportunities/advance-stage";
import { createOpportunityAction } from "../../lib/actions/opportunities/create-opportunity";
import { updateOpportunityAction } from "../../lib/actions/opportunities/update-opportunity";
import { addStakeholderAction } from "../../lib/actions/qualification/add-stakeholder";
import { updateCriterionAction } from "../../lib/actions/qualification/update-criterion";
import { savePipelineAction } from "../../lib/actions/settings/save-pipeline";
import { assessAccount, type Assessment } from "../../lib/qualification";
import { accountListParams, findAccounts, getAccount } from "../../lib/server/accounts/queries";
import { getDashboard } from "../../lib/server/dashboard/get-dashboard";
import { dashboardParams } from "../../lib/server/dashboard/params";
import { boardParams, loadBoard } from "../../lib/server/pipeline/board";
import { db } from "../../lib/server/db";
import { findOpportunities, opportunityListParams } from "../../lib/server/opportunities/queries";
import { jobQueue } from "../../lib/server/jobs/queue";
import { assessmentBackfills, inProcessRescores, RESCORE_ORGANIZATION, type RescoreJob } from "../../lib/server/jobs/rescore";
import { assess, loadForAssessment } from "../../lib/server/qualification/assess";
import { latestRescore, prepareRescore, rescoreOrganization } from "../../lib/server/qualification/rescore-organization";
import { loadQualificationSettings } from "../../lib/server/qualification/settings";
import { toAccountProfile } from "../../lib/server/qualification/snapshot";
import { ENGINE_VERSION, riskLevelOf } from "../../lib/server/qualification/stored-assessment";
import { readStoredResult } from "../../lib/server/qualification/stored-result";
import { sweepOrganization } from "../../lib/server/qualification/sweep";
import type { SaveIcpInput } from "../../lib/validation/icp";
import { createAccountFor, createContactFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { bumpIcpVersion } from "../fixtures/versions";
import { actAs } from "./setup";

let t: Tenant;

/**
 * Waits for the background re-scores a save started. The embedded database runs them in this process; a server
 * database queues them in pg-boss for a worker, so the test does the worker's part here.
 */
async function backgroundRescores(): Promise<void> {
  await inProcessRescores();
  const boss = await jobQueue();
  if (!boss) return;
  // The queue is shared with every other test on this server: take this organization's jobs only, leaving the
  // rest queued for whoever waits for them.
  const schema = process.env.WINNOW_JOBS_SCHEMA ?? "pgboss";
  const { rows } = await boss
    .getDb()
    .executeSql(`SELECT id, data FROM ${schema}.job WHERE name = $1 AND state = 'created' AND data->>'organizationId' = $2 ORDER BY created_on`, [
      RESCORE_ORGANIZATION,
      t.org.id,
    ]);
  for (const row of rows as Array<{ id: string; data: RescoreJob }>) {
    await rescoreOrganization(db(), row.data.organizationId, row.data.trigger, row.data.progressId, row.data.which);
    await boss.deleteJob(RESCORE_ORGANIZATION, row.id);
  }
}

beforeEach(async () => {
  t = await createTenant("Stored");
});

/** A fresh engine assessment of the deal, computed here, next to what the write stored. */
async function freshAndStored(opportunityId: string): Promise<{ fresh: Assessment; stored: Awaited<ReturnType<typeof storedRow>> }> {
  const [row, settings] = await Promise.all([loadForAssessment(db(), t.org.id, opportunityId), loadQualificationSettings(db(), t.org.id, null)]);
  return { fresh: assess(row, settings, new Date()), stored: await storedRow(opportunityId) };
}

const storedRow = (opportunityId: string) => db().opportunityAssessment.findUniqueOrThrow({ where: { opportunityId } });

async function expectCurrent(opportunityId: string) {
  const { fresh, stored } = await freshAndStored(opportunityId);
  expect(stored).toMatchObject({
    organizationId: t.org.id,
    fit: fresh.fit.score,
    intent: fresh.intent.score,
    verdict: fresh.verdict.verdict,
    riskLevel: riskLevelOf(fresh),
    flagKinds: [...new Set(fresh.flags.map((f) => f.kind))],
    flagCount: fresh.flags.length,
    gaps: fresh.intent.gaps.map((g) => `${g.criterionId}:${g.kind}`),
    nextStage: fresh.nextGate?.toStageId ?? null,
    blockerCount: fresh.nextGate?.blockers.length ?? 0,
    engineVersion: ENGINE_VERSION,
  });
  // The JSON column holds what lists and cards read back, and they read the engine's own words from it.
  const shown = readStoredResult(stored.result, new Date());
  expect(shown.verdict.reasons.map((r) => r.text)).toEqual(fresh.verdict.reasons.map((r) => r.text));
  expect(shown.flags.map((f) => [f.severity, f.text])).toEqual(fresh.flags.map((f) => [f.severity, f.text]));
  expect(shown.nextGate && [shown.nextGate.toStageId, shown.nextGate.blockers.map((b) => b.message)]).toEqual(
    fresh.nextGate && [fresh.nextGate.toStageId, fresh.nextGate.blockers.map((b) => b.message)],
  );
  // Nothing else: the breakdowns are columns (fit, intent) or computed afresh where they are shown.
  expect(Object.keys(stored.result as object).sort()).toEqual(["flags", "nextGate", "verdict", "wishcasting"]);
  return stored;
}

describe("every write stores the deal's assessment in its own transaction", () => {
  it("on create, update, note with evidence, criterion change, committee change and stage change", async () => {
    actAs(t.rep);
    const account = await createAccountFor(t.rep, { industry: "SaaS", employeeCount: 300 });
    const contact = await createContactFor(t.rep, account.id);
    const created = await createOpportunityAction({
      name: "Deal",
      accountId: account.id,
      amount: "50000",
      currency: "USD",
      expectedCloseDate: "",
      repConfidence: "",
    });
    const id = created.data!.id;
    const first = await expectCurrent(id);

    await updateOpportunityAction({
      id,
      version: "1",
      name: "Deal",
      accountId: account.id,
      amount: "90000",
      currency: "USD",
      expectedCloseDate: "",
      repConfidence: "",
    });
    expect(Number((await expectCurrent(id)).adjustedAmount)).toBeGreaterThan(Number(first.adjustedAmount));

    await logNoteAction({
      opportunityId: id,
      body: "Discovery",
      evidence: [{ criterionId: "identify_pain", state: "claimed", excerpt: "Close takes 9 days", contactId: "" }],
    });
    const afterNote = await expectCurrent(id);
    expect(afterNote.intent).toBeGreaterThan(first.intent);

    await updateCriterionAction({
      opportunityId: id,
      criterionId: "identify_pain",
      op: "verify",
      documentRef: "Close-process audit, shared 2026-11-20",
    });
    expect((await expectCurrent(id)).intent).toBeGreaterThan(afterNote.intent);

    await addStakeholderAction({ opportunityId: id, contactId: contact.id, role: "champion" });
    await expectCurrent(id);

    const version = (await db().opportunity.findUniqueOrThrow({ where: { id } })).version;
    const moved = await advanceStageAction({ opportunityId: id, toStage: "discovery", version: String(version) });
    expect(moved?.serverError).toBeUndefined();
    expect((await expectCurrent(id)).nextStage).toBe("solution");
  });

  it("refused writes store nothing new", async () => {
    const account = await createAccountFor(t.rep);
    const opp = await createOpportunityFor(t.rep, account.id);
    actAs(t.rep);
    await logNoteAction({ opportunityId: opp.id, body: "x", evidence: [] });
    const before = await storedRow(opp.id);
    actAs(t.marketing);
    expect((await logNoteAction({ opportunityId: opp.id, body: "not mine to write" }))?.serverError?.code).toBe("FORBIDDEN");
    const other = await createTenant("Elsewhere");
    actAs(other.rep);
    expect((await logNoteAction({ opportunityId: opp.id, body: "sneaky" }))?.serverError?.code).toBe("NOT_FOUND");
    expect((await storedRow(opp.id)).computedAt).toEqual(before.computedAt);
  });

  it("stores an account's fit on create and update, and re-scores the deals on it", async () => {
    actAs(t.marketing);
    await createIcpVersionAction({
      rules: [{ id: "industry", label: "SaaS", kind: "industry_in", industries: ["SaaS"], weight: 10, knockout: false }],
      pursueThreshold: 50,
      disqualifyBelow: null,
      basedOnVersion: 0,
      note: "",
    });
    await backgroundRescores();
    actAs(t.rep);
    const created = await createAccountAction({
      name: "Quantia",
      domain: "",
      industry: "Retail",
      employeeCount: "",
      region: "",
      techStack: "",
      hiringSignals: "",
    });
    const accountId = created.data!.id;
    expect(await db().accountAssessment.findUniqueOrThrow({ where: { accountId } })).toMatchObject({
      fit: 0,
      verdict: "nurture",
      icpVersion: 1,
    });
    const opp = await createOpportunityFor(t.rep, accountId);

    await updateAccountAction({
      id: accountId,
      name: "Quantia",
      domain: "",
      industry: "SaaS",
      employeeCount: "",
      region: "",
      techStack: "",
      hiringSignals: "",
    });
    const account = await db().accountAssessment.findUniqueOrThrow({ where: { accountId } });
    const settings = await loadQualificationSettings(db(), t.org.id, null);
    const row = await db().account.findUniqueOrThrow({ where: { id: accountId } });
    expect(account).toMatchObject({ fit: assessAccount(toAccountProfile(row), settings.icp).fit.score, verdict: "pursue" });
    expect(account.fit).toBe(100);
    expect((await expectCurrent(opp.id)).fit).toBe(100);
  });
});

describe("background re-scoring", () => {
  it("the sweep refreshes the open deals time has changed, in batches, and leaves closed deals and other organizations alone", async () => {
    const account = await createAccountFor(t.rep);
    const open: Awaited<ReturnType<typeof createOpportunityFor>>[] = [];
    for (let i = 0; i < 5; i++) open.push(await createOpportunityFor(t.rep, account.id, { name: `Open ${i}` }));
    const closed = await createOpportunityFor(t.rep, account.id, { name: "Won", stage: "closed_won" });
    await db().opportunity.update({ where: { id: closed.id }, data: { status: "won" } });
    const bystander = await createTenant("Bystander");
    const theirs = await createOpportunityFor(bystander.rep, (await createAccountFor(bystander.rep)).id);

    const untouched = async () =>
      (
        await db().opportunityAssessment.findMany({ where: { opportunityId: { in: [closed.id, theirs.id] } }, orderBy: { opportunityId: "asc" } })
      ).map((a) => a.computedAt.getTime());
    const before = await untouched();
    const computedAt = async () =>
      new Map(
        (await db().opportunityAssessment.findMany({ where: { opportunityId: { in: open.map((o) => o.id) } } })).map((a) => [
          a.opportunityId,
          a.computedAt.getTime(),
        ]),
      );
    const written = await computedAt();

    // A minute later time has changed nothing a manager reads: the hourly sweep has no deal due, and a full
    // pass recomputes every open deal and rewrites none.
    const minuteLater = new Date(Date.now() + 60_000);
    expect(await sweepOrganization(db(), t.org.id, minuteLater, 2)).toMatchObject({ scored: 0, written: 0 });
    expect(await sweepOrganization(db(), t.org.id, minuteLater, { full: true, batchSize: 2 })).toMatchObject({ scored: 5, written: 0 });
    expect(await computedAt()).toEqual(written);

    // Months later the deals have gone quiet: each stored row is rewritten, in batches of two.
    const later = new Date(Date.now() + 120 * 86_400_000);
    const result = await sweepOrganization(db(), t.org.id, later, 2);
    expect(result).toMatchObject({ scored: 5, written: 5 });
    for (const o of open) expect((await storedRow(o.id)).computedAt).toEqual(later);
    expect(await untouched()).toEqual(before);
  });

  it("accounts an older engine scored are re-scored at start-up, with the organization's open deals; current ones are left alone", async () => {
    const account = await createAccountFor(t.rep, { name: "Old Engine Ltd", employeeCount: 1800 });
    const other = await createTenant("Current engine");
    await createAccountFor(other.rep, { name: "Up To Date Inc", employeeCount: 1800 });
    // Both organizations scored by the current engine, then one account's row made to look an older engine's.
    await rescoreOrganization(db(), t.org.id, "test", undefined, "all");
    await rescoreOrganization(db(), other.org.id, "test", undefined, "all");
    await db().accountAssessment.update({
      where: { accountId: account.id },
      data: { engineVersion: ENGINE_VERSION - 1, fit: 0, contentHash: "written by the older engine" },
    });

    const jobs = await assessmentBackfills(db());
    expect(jobs.filter((j) => j.organizationId === t.org.id)).toEqual([{ organizationId: t.org.id, trigger: "engine upgrade", which: "open" }]);
    expect(jobs.some((j) => j.organizationId === other.org.id)).toBe(false);

    await rescoreOrganization(db(), t.org.id, "engine upgrade");
    const settings = await loadQualificationSettings(db(), t.org.id, null);
    const row = await db().account.findUniqueOrThrow({ where: { id: account.id }, include: { assessment: true } });
    const fresh = assessAccount(toAccountProfile(row), settings.icp);
    expect(row.assessment).toMatchObject({ engineVersion: ENGINE_VERSION, fit: fresh.fit.score });
    expect((await assessmentBackfills(db())).some((j) => j.organizationId === t.org.id)).toBe(false);
  });

  it("a new ICP version leaves scores pending until the re-score writes them, even when their figures did not move", async () => {
    const account = await createAccountFor(t.rep);
    const opp = await createOpportunityFor(t.rep, account.id);
    const stored = await storedRow(opp.id);
    expect(stored.contentHash).toMatch(/^[\w-]{27}$/);
    const version = await bumpIcpVersion(t.org.id);
    await db().$transaction((tx) => prepareRescore(tx, t.org.id, t.admin.id));
    // The deal's score (the fixture's account has none stored until a re-score reaches it).
    expect(await latestRescore(db(), t.org.id)).toMatchObject({ pending: 1 });
    await rescoreOrganization(db(), t.org.id, "test");
    const after = await storedRow(opp.id);
    expect(after).toMatchObject({ fit: stored.fit, intent: stored.intent, icpVersion: version });
    expect(after.contentHash).not.toBe(stored.contentHash);
    expect(await db().accountAssessment.findUniqueOrThrow({ where: { accountId: account.id } })).toMatchObject({ icpVersion: version });
    expect(await latestRescore(db(), t.org.id)).toMatchObject({ pending: 0 });
  });

  it("a re-score in small batches, accounts and deals side by side, reaches every row once and counts each once", async () => {
    const accounts = [];
    for (let i = 0; i < 5; i++) accounts.push(await createAccountFor(t.rep, { industry: "Retail", employeeCount: 100 + i }));
    const open = [];
    for (let i = 0; i < 7; i++) open.push(await createOpportunityFor(t.rep, accounts[i % accounts.length]!.id, { name: `Deal ${i}` }));
    const won = await createOpportunityFor(t.rep, accounts[0]!.id, { name: "Won" });
    await db().opportunity.update({ where: { id: won.id }, data: { status: "won", stage: "closed_won" } });
    await rescoreOrganization(db(), t.org.id, "test", undefined, "all");
    const wonBefore = await storedRow(won.id);
    // An ICP that knocks every account out: every open deal's fit and verdict move, so each gets one snapshot.
    await db().icpVersion.create({
      data: {
        organizationId: t.org.id,
        version: wonBefore.icpVersion + 1,
        rules: [{ id: "industry", label: "SaaS", kind: "industry_in", industries: ["SaaS"], weight: 10, knockout: true }],
        pursueThreshold: 50,
        disqualifyBelow: null,
      },
    });
    const progressId = await db().$transaction((tx) => prepareRescore(tx, t.org.id, t.admin.id));
    await rescoreOrganization(db(), t.org.id, "icp_change", progressId, "open", undefined, { deals: 2, accounts: 2 });

    const total = accounts.length + open.length;
    expect(await latestRescore(db(), t.org.id)).toMatchObject({ status: "done", total, done: total, pending: 0 });
    for (const o of open) await expectCurrent(o.id);
    expect(await storedRow(won.id)).toEqual(wonBefore);
    const fits = await db().accountAssessment.findMany({ where: { organizationId: t.org.id }, select: { fit: true, icpVersion: true } });
    expect(fits).toEqual(accounts.map(() => ({ fit: 0, icpVersion: wonBefore.icpVersion + 1 })));
    const snapshots = await db().scoreSnapshot.groupBy({
      by: ["opportunityId"],
      where: { organizationId: t.org.id, trigger: "icp_change" },
      _count: true,
    });
    expect(snapshots.map((s) => [s.opportunityId, s._count]).sort()).toEqual(open.map((o) => [o.id, 1]).sort());
  });

  it("every reader shows a score pending while its versions are behind, closed deals never, and current once re-scored", async () => {
    await rescoreOrganization(db(), t.org.id, "test");
    const account = await createAccountFor(t.rep);
    await rescoreOrganization(db(), t.org.id, "test");
    await createOpportunityFor(t.rep, account.id, { name: "Open" });
    const won = await createOpportunityFor(t.rep, account.id, { name: "Won" });
    await db().opportunity.update({ where: { id: won.id }, data: { status: "won", stage: "closed_won" } });
    const other = await createTenant("Bystander");
    const theirs = await createOpportunityFor(other.rep, (await createAccountFor(other.rep)).id);
    const read = async (user: Tenant["rep"]) => {
      const deals = (await findOpportunities(user, opportunityListParams.parse({ status: "all" }))).rows;
      const board = await loadBoard(user, boardParams.parse({}));
      return {
        deals: Object.fromEntries(deals.map((d) => [d.name, d.assessment?.pending])),
        accounts: (await findAccounts(user, accountListParams.parse({}))).rows.map((a) => a.assessment?.pending),
        account: (await getAccount(user, account.id)).assessment?.pending,
        cards: board.columns.flatMap((c) => c.cards.map((card) => card.pending)),
        dashboard: (await getDashboard(user, dashboardParams.parse({}))).pending,
      };
    };
    expect(await read(t.rep)).toEqual({ deals: { Open: false, Won: false }, accounts: [false], account: false, cards: [false], dashboard: 0 });

    await bumpIcpVersion(t.org.id);
    expect(await read(t.rep)).toEqual({ deals: { Open: true, Won: false }, accounts: [true], account: true, cards: [true], dashboard: 1 });
    // Another organization's ICP is its own: its scores stay current.
    expect((await findOpportunities(other.rep, opportunityListParams.parse({}))).rows.map((d) => [d.id, d.assessment?.pending])).toEqual([
      [theirs.id, false],
    ]);

    await rescoreOrganization(db(), t.org.id, "test");
    expect(await read(t.rep)).toEqual({ deals: { Open: false, Won: false }, accounts: [false], account: false, cards: [false], dashboard: 0 });
  });

  it("an ICP save marks scores pending in its transaction, then re-scores everything in the background with progress", async () => {
    const account = await createAccountFor(t.rep, { industry: "Retail", employeeCount: 100 });
    const opp = await createOpportunityFor(t.rep, account.id);
    await rescoreOrganization(db(), t.org.id, "test", undefined, "all");
    expect((await storedRow(opp.id)).fit).toBe(100);

    actAs(t.marketing);
    const icp: SaveIcpInput = {
      rules: [{ id: "industry", label: "SaaS", kind: "industry_in", industries: ["SaaS"], weight: 10, knockout: true }],
      pursueThreshold: 50,
      disqualifyBelow: null,
      basedOnVersion: 0,
      note: "",
    };
    const saved = await createIcpVersionAction(icp);
    expect(saved?.data?.version).toBe(1);
    await backgroundRescores();

    expect(await storedRow(opp.id)).toMatchObject({ fit: 0, verdict: "disqualify", icpVersion: 1 });
    expect(await db().accountAssessment.findUniqueOrThrow({ where: { accountId: account.id } })).toMatchObject({
      fit: 0,
      verdict: "disqualify",
      icpVersion: 1,
    });
    const progress = await latestRescore(db(), t.org.id);
    expect(progress).toMatchObject({ status: "done", total: 2, done: 2, pending: 0 });
    await expectCurrent(opp.id);
  });

  it("a pipeline save bumps the settings version and re-scores deals with the new gates", async () => {
    const account = await createAccountFor(t.rep);
    const opp = await createOpportunityFor(t.rep, account.id);
    await rescoreOrganization(db(), t.org.id, "test");
    const before = await storedRow(opp.id);
    const settings = await loadQualificationSettings(db(), t.org.id, null);
    actAs(t.admin);
    const stages = settings.pipeline.stages.map((s) => ({
      id: s.id,
      label: s.label,
      probability: Math.round(s.probability * 100),
      exit: s.id === "prospecting" ? [] : s.exit,
    }));
    const saved = await savePipelineAction({ stages });
    expect(saved?.serverError).toBeUndefined();
    await backgroundRescores();
    const after = await storedRow(opp.id);
    expect(after.qualificationVersion).toBe(before.qualificationVersion + 1);
    expect(after.blockerCount).toBe(0);
    await expectCurrent(opp.id);
  });
});

describe("lists read the stored scores", () => {
  it("sorts accounts by stored fit and filters opportunities by verdict, flag and risk, within the organization", async () => {
    actAs(t.marketing);
    await createIcpVersionAction({
      rules: [{ id: "industry", label: "SaaS", kind: "industry_in", industries: ["SaaS"], weight: 10, knockout: true }],
      pursueThreshold: 50,
      disqualifyBelow: null,
      basedOnVersion: 0,
      note: "",
    });
    await backgroundRescores();
    actAs(t.rep);
    const fits = await createAccountAction({
      name: "Fits",
      domain: "",
      industry: "SaaS",
      employeeCount: "",
      region: "",
      techStack: "",
      hiringSignals: "",
    });
    const misfit = await createAccountAction({
      name: "Misfit",
      domain: "",
      industry: "Retail",
      employeeCount: "",
      region: "",
      techStack: "",
      hiringSignals: "",
    });
    const byFit = await findAccounts(t.rep, accountListParams.parse({ sort: "fit", dir: "desc" }));
    expect(byFit.rows.map((a) => [a.name, a.assessment?.fit, a.assessment?.verdict])).toEqual([
      ["Fits", 100, "pursue"],
      ["Misfit", 0, "disqualify"],
    ]);

    const good = await createOpportunityFor(t.rep, fits.data!.id, { name: "Good" });
    const bad = await createOpportunityFor(t.rep, misfit.data!.id, { name: "Bad" });
    const other = await createTenant("Other");
    await createOpportunityFor(other.rep, (await createAccountFor(other.rep)).id, { name: "Theirs" });
    const names = async (params: Record<string, string>) =>
      (await findOpportunities(t.rep, opportunityListParams.parse(params))).rows.map((o) => o.name).sort();
    expect(await names({ verdict: "disqualify" })).toEqual(["Bad"]);
    expect(await names({ risk: "critical" })).toEqual(["Bad"]);
    expect(await names({ risk: "any" })).toEqual(["Bad"]);
    expect(await names({ verdict: "pursue" })).toEqual(["Good"]);
    expect(await names({ flag: "stale_deal" })).toEqual([]);
    expect((await storedRow(good.id)).verdict).toBe("pursue");
    expect((await storedRow(bad.id)).riskLevel).toBe("critical");
  });
});
