import PgBoss from "pg-boss";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { updateAccountAction } from "../../lib/actions/accounts/update-account";
import { db } from "../../lib/server/db";
import { submitIntake } from "../../lib/server/intake/submit";
import { registerNurture, RESURFACE_ORGANIZATION } from "../../lib/server/jobs/nurture";
import { setDealNurture } from "../../lib/server/nurture/due";
import { resurfaceAll } from "../../lib/server/nurture/resurface";
import { giveIcp, goodSubmission, leadsOf } from "../fixtures/leads";
import { createAccountFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

let t: Tenant;
beforeEach(async () => {
  t = await createTenant("Nurture jobs");
  await giveIcp(t.admin);
});

const databaseUrl = inject("databaseUrl");

/** A lead parked by the form long ago (its resume date has passed) and a deal parked until a date already past. */
async function parkedLongAgo() {
  await submitIntake({
    slug: t.org.slug,
    ip: "9.9.9.9",
    body: goodSubmission({ answers: { prompt: "x", timing: "researching" } }),
    now: new Date("2026-01-01T00:00:00Z"),
  });
  const [lead] = await leadsOf(t.org.id);
  expect(lead).toMatchObject({ status: "nurturing", resurfacedAt: null });
  const account = await createAccountFor(t.rep, { domain: "parked.io" });
  const deal = await createOpportunityFor(t.rep, account.id);
  await setDealNurture(t.rep, { opportunityId: deal.id, resumeOn: new Date("2030-01-01"), watchFor: "Budget" });
  await db().opportunity.update({ where: { id: deal.id }, data: { resumeOn: new Date("2026-02-01") } });
  // Parked until a day still ahead: the pass leaves it alone.
  const later = await createOpportunityFor(t.rep, account.id, { name: "Later" });
  await setDealNurture(t.rep, { opportunityId: later.id, resumeOn: new Date("2030-01-01"), watchFor: "Budget" });
  return { lead: lead!, deal, later };
}

async function expectBack(parked: Awaited<ReturnType<typeof parkedLongAgo>>) {
  expect((await db().lead.findUniqueOrThrow({ where: { id: parked.lead.id } })).resurfaceReason).toMatch(
    /^Resume date [A-Z][a-z]{2} \d{1,2}, \d{4} arrived$/,
  );
  expect(await db().opportunity.findUniqueOrThrow({ where: { id: parked.deal.id } })).toMatchObject({
    resurfaceReason: "Resume date Feb 1, 2026 arrived",
  });
  expect(await db().opportunity.findUniqueOrThrow({ where: { id: parked.later.id } })).toMatchObject({ resurfacedAt: null });
  const audits = await db().auditEvent.findMany({ where: { organizationId: t.org.id, action: "resurface" }, orderBy: { entityId: "asc" } });
  expect(audits.map((a) => a.entityId).sort()).toEqual([parked.lead.id, parked.deal.id].sort());
  expect(audits.every((a) => a.actorId === null && a.reason?.startsWith("Resume date"))).toBe(true);
}

describe("the hourly nurture pass", () => {
  it("brings parked items back when their resume date arrives, with nobody opening a page, once", async () => {
    const parked = await parkedLongAgo();
    const first = await resurfaceAll(db(), new Date());
    expect(first.leads).toBeGreaterThanOrEqual(1);
    expect(first.deals).toBeGreaterThanOrEqual(1);
    await expectBack(parked);
    // Idempotent: a second pass (or a page load) brings nothing back twice.
    await resurfaceAll(db(), new Date());
    expect(await db().auditEvent.count({ where: { organizationId: t.org.id, action: "resurface" } })).toBe(2);
  });

  it.skipIf(!databaseUrl)(
    "runs as a pg-boss job per organization (needs a PostgreSQL server)",
    async () => {
      const parked = await parkedLongAgo();
      const boss = new PgBoss({ connectionString: databaseUrl!, schema: "pgboss_nurture_test" });
      await boss.start();
      try {
        await registerNurture(boss, db());
        const jobId = await boss.send(RESURFACE_ORGANIZATION, { organizationId: t.org.id });
        let state: string | undefined;
        for (let i = 0; i < 60 && state !== "completed" && state !== "failed"; i++) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          state = (await boss.getJobById(RESURFACE_ORGANIZATION, jobId!))?.state;
        }
        expect(state).toBe("completed");
        await expectBack(parked);
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }
    },
    60_000,
  );
});

describe("a watched signal", () => {
  it("an account update that changes hiring signals brings back its parked deals and the leads at its domain at once", async () => {
    await submitIntake({
      slug: t.org.slug,
      ip: "9.9.9.8",
      body: goodSubmission({ email: "bo@watch.io", domain: "watch.io", answers: { prompt: "x", timing: "researching" } }),
      now: new Date(),
    });
    const [lead] = await leadsOf(t.org.id);
    expect(lead).toMatchObject({ status: "nurturing", resurfacedAt: null });
    const account = await createAccountFor(t.rep, { domain: "watch.io" });
    const deal = await createOpportunityFor(t.rep, account.id);
    await setDealNurture(t.rep, { opportunityId: deal.id, resumeOn: new Date("2030-01-01"), watchFor: "Hiring" });
    const elsewhere = await createOpportunityFor(t.rep, (await createAccountFor(t.rep, { domain: "quiet.io" })).id);
    await setDealNurture(t.rep, { opportunityId: elsewhere.id, resumeOn: new Date("2030-01-01"), watchFor: "Hiring" });

    const form = {
      id: account.id,
      name: account.name,
      domain: "watch.io",
      industry: "",
      employeeCount: "",
      region: "",
      techStack: "",
      fundingStage: "",
    };
    actAs(t.rep);
    // An edit that leaves the watched signals alone brings nothing back.
    expect((await updateAccountAction({ ...form, name: "Renamed", hiringSignals: "" }))?.serverError).toBeUndefined();
    expect(await db().opportunity.findUniqueOrThrow({ where: { id: deal.id } })).toMatchObject({ resurfacedAt: null });

    expect((await updateAccountAction({ ...form, hiringSignals: "Head of RevOps" }))?.serverError).toBeUndefined();
    expect((await db().opportunity.findUniqueOrThrow({ where: { id: deal.id } })).resurfaceReason).toBe(
      "Watched signal changed: now hiring: Head of RevOps",
    );
    expect((await db().lead.findUniqueOrThrow({ where: { id: lead!.id } })).resurfaceReason).toBe(
      "Watched signal changed: now hiring: Head of RevOps",
    );
    expect(await db().opportunity.findUniqueOrThrow({ where: { id: elsewhere.id } })).toMatchObject({ resurfacedAt: null });
    expect(await db().auditEvent.count({ where: { organizationId: t.org.id, action: "resurface" } })).toBe(2);
  });
});
