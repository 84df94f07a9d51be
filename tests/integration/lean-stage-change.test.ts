import { beforeEach, describe, expect, it } from "vitest";
import { logNoteAction } from "../../lib/actions/notes/log-note";
import { advanceStageAction } from "../../lib/actions/opportunities/advance-stage";
import { saveOverrideWindowAction } from "../../lib/actions/settings/save-override-window";
import { API_KEY_CACHE_MS, authenticateToken } from "../../lib/server/api/keys";
import { db } from "../../lib/server/db";
import { assessInputs } from "../../lib/server/qualification/assess";
import { loadDeal } from "../../lib/server/qualification/batch-load";
import { rescoreLoaded } from "../../lib/server/qualification/score-history";
import { settingsAtKey } from "../../lib/server/qualification/settings";
import { keyFor } from "../fixtures/api";
import { createAccountFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let t: Tenant;

beforeEach(async () => {
  t = await createTenant("Lean");
});

const stored = (opportunityId: string) => db().opportunityAssessment.findUniqueOrThrow({ where: { opportunityId } });

describe("a stage change's single read", () => {
  it("re-scores from the read taken before the transaction while nothing re-scored the deal since", async () => {
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "discovery" });
    actAs(t.rep);
    await logNoteAction({ opportunityId: deal.id, body: "First call.", evidence: [] });
    const read = await loadDeal(db(), t.org.id, deal.id);
    const settings = await settingsAtKey(db(), t.org.id, read);
    // A change only this read knows about (the database still says discovery): stored as read, not re-read.
    const moved = { ...read, snapshot: { ...read.snapshot, stageId: "negotiation" } };
    await db().$transaction((tx) => rescoreLoaded(tx, moved, "test", new Date(), settings));
    const row = await stored(deal.id);
    expect(row.stageProbability).toBe(settings.pipeline.stages.find((s) => s.id === "negotiation")?.probability);
    expect(row.nextStage).toBe("closed_won");
  });

  it("reads the deal again when another write re-scored it after the read (a note does not bump the version)", async () => {
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "discovery" });
    actAs(t.rep);
    await logNoteAction({ opportunityId: deal.id, body: "First call.", evidence: [] });
    const stale = await loadDeal(db(), t.org.id, deal.id);
    const settings = await settingsAtKey(db(), t.org.id, stale);
    const note = await logNoteAction({
      opportunityId: deal.id,
      body: "Finance close takes 9 days.",
      evidence: [{ criterionId: "identify_pain", state: "claimed", excerpt: "Finance close takes 9 days" }],
    });
    expect(note?.data?.id).toBeTruthy();
    const now = new Date();
    await db().$transaction((tx) => rescoreLoaded(tx, stale, "test", now, settings));
    const fresh = await loadDeal(db(), t.org.id, deal.id);
    const expected = assessInputs(fresh.account, fresh.snapshot, settings, now);
    const before = assessInputs(stale.account, stale.snapshot, settings, now);
    expect(expected.intent.score).not.toBe(before.intent.score);
    expect((await stored(deal.id)).intent).toBe(expected.intent.score);
  });

  it("takes a changed override window at once: the settings are cached only while their key holds", async () => {
    const deal = await createOpportunityFor(t.manager, (await createAccountFor(t.manager)).id, { stage: "discovery" });
    actAs(t.admin);
    expect((await saveOverrideWindowAction({ overrideMaxDays: 10 }))?.data).toEqual({ overrideMaxDays: 10 });
    actAs(t.manager);
    const in20Days = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const move = { opportunityId: deal.id, toStage: "solution", version: 1, overrideReason: "Board approved the pilot", overrideExpiresOn: in20Days };
    expect((await advanceStageAction(move))?.serverError?.code).toBe("INVALID");
    actAs(t.admin);
    await saveOverrideWindowAction({ overrideMaxDays: 30 });
    actAs(t.manager);
    expect((await advanceStageAction(move))?.data).toMatchObject({ stage: "solution", outcome: "overridden" });
  });
});

describe("the API key cache", () => {
  it("trusts a key for API_KEY_CACHE_MS: a revocation written elsewhere counts once that has passed", async () => {
    const token = await keyFor(t.admin, t.rep);
    const now = new Date();
    expect((await authenticateToken(token, now))?.user.id).toBe(t.rep.id);
    // Revoked by another instance (here: straight in the database), not through this process.
    await db().apiKey.updateMany({ where: { organizationId: t.org.id }, data: { revokedAt: now } });
    expect((await authenticateToken(token, new Date(now.getTime() + 1000)))?.user.id).toBe(t.rep.id);
    expect(await authenticateToken(token, new Date(now.getTime() + API_KEY_CACHE_MS + 1))).toBeNull();
  });
});
