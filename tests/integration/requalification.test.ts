import PgBoss from "pg-boss";
import { describe, expect, inject, it } from "vitest";
import { db } from "../../lib/server/db";
import { bumpIcpVersion } from "../fixtures/versions";
import { registerRequalification, REQUALIFY_ORGANIZATION } from "../../lib/server/jobs/requalification";
import { resetEnvForTests } from "../../lib/env";
import { closeJobSenderForTests, jobQueue, jobRoute, setWorkerBoss } from "../../lib/server/jobs/queue";
import { enqueueRescore, inProcessRescores, registerRescore, RESCORE_ORGANIZATION } from "../../lib/server/jobs/rescore";
import { latestRescore, prepareRescore } from "../../lib/server/qualification/rescore-organization";
import { rescore } from "../../lib/server/qualification/score-history";
import { sweepOrganization } from "../../lib/server/qualification/sweep";
import { createAccountFor, createOpportunityFor, createTenant } from "../fixtures/tenants";

const DAY = 86_400_000;

/** A deal whose only evidence was fresh 200 days ago: identify_pain keeps evidence fresh for 120 days. */
async function dealWithAgingEvidence() {
  const tenant = await createTenant("Sweep");
  const account = await createAccountFor(tenant.rep);
  const opp = await createOpportunityFor(tenant.rep, account.id, { stage: "discovery" });
  const capturedAt = new Date(Date.now() - 200 * DAY);
  await db().evidence.create({
    data: {
      organizationId: tenant.org.id,
      opportunityId: opp.id,
      criterionId: "identify_pain",
      state: "verified",
      excerpt: "Close takes 9 days",
      capturedAt,
      capturedById: tenant.rep.id,
      verifiedById: tenant.rep.id,
      verifiedAt: capturedAt,
    },
  });
  await db().criterionState.create({
    data: { organizationId: tenant.org.id, opportunityId: opp.id, criterionId: "identify_pain", state: "verified", updatedById: tenant.rep.id },
  });
  const then = await rescore(db(), tenant.org.id, opp.id, "test", new Date(capturedAt.getTime() + DAY));
  return { tenant, opp, intentThen: then.intent.score };
}

describe("the re-qualification sweep", () => {
  it("records the decay nobody acted on, once, and leaves other organizations alone", async () => {
    const { tenant, opp, intentThen } = await dealWithAgingEvidence();
    const bystander = await dealWithAgingEvidence();
    const bystanderSnapshots = await db().scoreSnapshot.count({ where: { opportunityId: bystander.opp.id } });

    const first = await sweepOrganization(db(), tenant.org.id, new Date());
    expect(first).toMatchObject({ scored: 1, written: 1, changed: 1 });
    const latest = await db().scoreSnapshot.findFirstOrThrow({ where: { opportunityId: opp.id }, orderBy: { at: "desc" } });
    expect(latest.trigger).toBe("requalification");
    expect(latest.intent).toBeLessThan(intentThen);

    // Nothing moved since: the hourly sweep has nothing due (the stale evidence's next look is weeks away), and a
    // full pass recomputes the deal without rewriting its stored row.
    const stored = await db().opportunityAssessment.findUniqueOrThrow({ where: { opportunityId: opp.id } });
    expect(stored.reassessAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await sweepOrganization(db(), tenant.org.id, new Date())).toMatchObject({ scored: 0, written: 0, changed: 0 });
    expect(await sweepOrganization(db(), tenant.org.id, new Date(), { full: true })).toMatchObject({ scored: 1, written: 0, changed: 0 });
    expect((await db().opportunityAssessment.findUniqueOrThrow({ where: { opportunityId: opp.id } })).computedAt).toEqual(stored.computedAt);
    expect(await db().scoreSnapshot.count({ where: { opportunityId: bystander.opp.id } })).toBe(bystanderSnapshots);
  });
});

const databaseUrl = inject("databaseUrl");

describe.skipIf(!databaseUrl)("background jobs through pg-boss (needs a PostgreSQL server; skipped on the embedded database)", () => {
  it("runs a queued organization sweep in a worker", async () => {
    const { tenant, opp } = await dealWithAgingEvidence();
    const boss = new PgBoss({ connectionString: databaseUrl!, schema: "pgboss_test" });
    await boss.start();
    try {
      await registerRequalification(boss, db());
      const jobId = await boss.send(REQUALIFY_ORGANIZATION, { organizationId: tenant.org.id });
      expect(jobId).toBeTruthy();
      let state: string | undefined;
      for (let i = 0; i < 60 && state !== "completed" && state !== "failed"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        state = (await boss.getJobById(REQUALIFY_ORGANIZATION, jobId!))?.state;
      }
      expect(state).toBe("completed");
      const latest = await db().scoreSnapshot.findFirstOrThrow({ where: { opportunityId: opp.id }, orderBy: { at: "desc" } });
      expect(latest.trigger).toBe("requalification");
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  }, 60_000);

  it("runs a settings re-score through the queue and reports its progress", async () => {
    const { tenant, opp } = await dealWithAgingEvidence();
    const boss = new PgBoss({ connectionString: databaseUrl!, schema: "pgboss_test" });
    await boss.start();
    try {
      await registerRescore(boss, db());
      await bumpIcpVersion(tenant.org.id);
      const progressId = await db().$transaction((tx) => prepareRescore(tx, tenant.org.id, tenant.admin.id));
      expect(await latestRescore(db(), tenant.org.id)).toMatchObject({ status: "queued", pending: 1 });
      await enqueueRescore(db(), { organizationId: tenant.org.id, progressId, trigger: "icp_change" });
      let status: string | undefined;
      for (let i = 0; i < 60 && status !== "done" && status !== "failed"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        status = (await latestRescore(db(), tenant.org.id))?.status;
      }
      expect(await latestRescore(db(), tenant.org.id)).toMatchObject({ status: "done", pending: 0 });
      expect(await db().opportunityAssessment.findUniqueOrThrow({ where: { opportunityId: opp.id } })).toMatchObject({ icpVersion: 1 });
    } finally {
      await boss.stop({ graceful: false, wait: true });
      // Later tests in this process run re-scores in-process again.
      setWorkerBoss(undefined);
    }
  }, 60_000);

  it("an app instance with jobs off still queues a re-score for a separate worker; it never runs it itself", async () => {
    const { tenant, opp } = await dealWithAgingEvidence();
    const schema = "pgboss_sender_test";
    const saved = { url: process.env.DATABASE_URL, jobs: process.env.WINNOW_JOBS, schema: process.env.WINNOW_JOBS_SCHEMA };
    // This process: a server database, WINNOW_JOBS=off, no workers registered (an app instance behind a balancer).
    process.env.DATABASE_URL = databaseUrl!;
    process.env.WINNOW_JOBS = "off";
    process.env.WINNOW_JOBS_SCHEMA = schema;
    resetEnvForTests();
    setWorkerBoss(undefined);
    const worker = new PgBoss({ connectionString: databaseUrl!, schema });
    try {
      await bumpIcpVersion(tenant.org.id);
      const progressId = await db().$transaction((tx) => prepareRescore(tx, tenant.org.id, tenant.admin.id));
      await enqueueRescore(db(), { organizationId: tenant.org.id, progressId, trigger: "icp_change" });
      await inProcessRescores();
      // Queued, not run here: the deal's score is still pending (the fixture's account has none stored) and the job waits.
      expect(await db().opportunityAssessment.findUniqueOrThrow({ where: { opportunityId: opp.id } })).toMatchObject({ icpVersion: 0 });
      expect(await latestRescore(db(), tenant.org.id)).toMatchObject({ status: "queued", pending: 1 });
      const [sender] = [await jobQueue()];
      expect(await sender?.getQueueSize(RESCORE_ORGANIZATION)).toBe(1);

      // `npm run worker` elsewhere: registers the same queues and runs the job.
      await worker.start();
      await registerRescore(worker, db());
      let status: string | undefined;
      for (let i = 0; i < 60 && status !== "done" && status !== "failed"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        status = (await latestRescore(db(), tenant.org.id))?.status;
      }
      expect(await latestRescore(db(), tenant.org.id)).toMatchObject({ status: "done", pending: 0 });
    } finally {
      await worker.stop({ graceful: false, wait: true });
      await closeJobSenderForTests();
      setWorkerBoss(undefined);
      for (const [key, value] of [
        ["DATABASE_URL", saved.url],
        ["WINNOW_JOBS", saved.jobs],
        ["WINNOW_JOBS_SCHEMA", saved.schema],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      resetEnvForTests();
    }
  }, 60_000);
});

describe("where background work goes", () => {
  it("a server database always means the queue; only the embedded database runs work in-process", () => {
    expect(jobRoute({ workersHere: true, databaseUrl: "postgresql://x/y" })).toBe("queue");
    expect(jobRoute({ workersHere: false, databaseUrl: "postgresql://x/y" })).toBe("queue");
    expect(jobRoute({ workersHere: false, databaseUrl: undefined })).toBe("in-process");
  });
});
