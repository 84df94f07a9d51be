import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db";
import { createImport, getImport, planImport, confirmImport } from "../../lib/server/imports/imports";
import { runImport } from "../../lib/server/imports/run-import";
import { submitIntake } from "../../lib/server/intake/submit";
import { backoffDelay, deliverDue, DISABLE_AFTER_FAILURES, MAX_ATTEMPTS } from "../../lib/server/webhooks/deliver";
import { emitRecapResponded } from "../../lib/server/webhooks/emit";
import { REPLAY_WINDOW_SECONDS } from "../../lib/webhooks/events";
import { verifySignature } from "../../lib/webhooks/signature";
import { api, keyFor } from "../fixtures/api";
import { giveIcp, goodSubmission } from "../fixtures/leads";
import { createAccountFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on the loopback interface, started by the test; answers with the status the test asks for. */
let server: Server;
let baseUrl: string;
let received: Received[] = [];
let answer = 200;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.statusCode = answer;
      res.end();
    });
  });
  // fetch reuses connections; a receiver closing idle ones after Node's 5 s default would race it on a busy machine.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let t: Tenant;
let adminKey: string;
let repKey: string;

beforeEach(async () => {
  received = [];
  answer = 200;
  t = await createTenant("Hooks");
  [adminKey, repKey] = await Promise.all([keyFor(t.admin), keyFor(t.admin, t.rep)]);
  // Deliveries of other tests' tenants must not be sent to this test's receiver.
  await db().webhookDelivery.updateMany({ where: { status: "pending" }, data: { status: "failed" } });
});

async function register(events: string[], path = "/hook") {
  const res = await api(adminKey, "POST", "/webhooks", { body: { url: `${baseUrl}${path}`, events } });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("webhooks", () => {
  it("delivers a signed stage_changed event that the receiver can verify, and logs the delivery", async () => {
    const hook = await register(["opportunity.stage_changed", "opportunity.stage_blocked"]);
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "negotiation" });
    expect((await api(repKey, "POST", `/opportunities/${deal.id}/stage-changes`, { body: { toStage: "discovery", version: 1 } })).status).toBe(201);
    expect((await api(repKey, "POST", `/opportunities/${deal.id}/stage-changes`, { body: { toStage: "solution", version: 2 } })).status).toBe(422);

    expect(await deliverDue(db())).toBe(2);
    expect(received).toHaveLength(2);
    // Deliveries run side by side, so they may arrive in either order.
    const bodies = received.map((r) => ({ ...r, json: JSON.parse(r.body) as { type: string; data: Record<string, unknown> } }));
    const changed = bodies.find((b) => b.json.type === "opportunity.stage_changed");
    const blocked = bodies.find((b) => b.json.type === "opportunity.stage_blocked");
    expect(changed?.json).toMatchObject({
      type: "opportunity.stage_changed",
      data: { opportunityId: deal.id, fromStage: "negotiation", toStage: "discovery", outcome: "allowed" },
    });
    expect(blocked?.json).toMatchObject({ type: "opportunity.stage_blocked", data: { opportunityId: deal.id, toStage: "solution" } });
    expect((blocked?.json.data.blockers as unknown[]).length).toBeGreaterThan(0);
    const signature = String(changed?.headers["winnow-signature"]);
    expect(changed?.headers["winnow-event"]).toBe("opportunity.stage_changed");
    expect(verifySignature(hook.secret, changed!.body, signature, nowSeconds())).toBe(true);
    // A tampered body, another secret, or a replay outside the window fail verification.
    expect(verifySignature(hook.secret, changed!.body.replace("discovery", "closed_won"), signature, nowSeconds())).toBe(false);
    expect(verifySignature("whsec_other", changed!.body, signature, nowSeconds())).toBe(false);
    expect(verifySignature(hook.secret, changed!.body, signature, nowSeconds() + REPLAY_WINDOW_SECONDS + 5)).toBe(false);

    const log = await api(adminKey, "GET", `/webhooks/${hook.id}/deliveries`);
    expect(log.body.data.map((d: { status: string; attempts: number; lastStatusCode: number }) => [d.status, d.attempts, d.lastStatusCode])).toEqual([
      ["delivered", 1, 200],
      ["delivered", 1, 200],
    ]);
  });

  it("queues a stage change for the enabled endpoints subscribed to it, and no other", async () => {
    const subscribed = await register(["opportunity.stage_changed"], "/subscribed");
    const disabled = await register(["opportunity.stage_changed"], "/disabled");
    await db().webhookEndpoint.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    await register(["override.created"], "/other");
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id);
    expect((await api(repKey, "POST", `/opportunities/${deal.id}/stage-changes`, { body: { toStage: "discovery", version: 1 } })).status).toBe(201);
    const events = await db().webhookEvent.findMany({ where: { organizationId: t.org.id }, include: { deliveries: true } });
    expect(events.map((e) => e.type)).toEqual(["opportunity.stage_changed"]);
    expect(events[0]?.deliveries.map((d) => d.endpointId)).toEqual([subscribed.id]);
  });

  it("emits criterion.changed and override.created in the transaction of the change, only to subscribers", async () => {
    await register(["criterion.changed"]);
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "discovery" });
    await api(repKey, "POST", "/notes", {
      body: { opportunityId: deal.id, body: "Pain", evidence: [{ criterionId: "identify_pain", state: "claimed", excerpt: "close is slow" }] },
    });
    const managerKey = await keyFor(t.admin, t.manager);
    const expiry = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await api(managerKey, "POST", `/opportunities/${deal.id}/stage-changes`, {
      body: { toStage: "proposal", version: 1, overrideReason: "Signed LOI in hand already.", overrideExpiresOn: expiry },
    });
    const types = (await db().webhookEvent.findMany({ where: { organizationId: t.org.id }, select: { type: true } })).map((e) => e.type);
    expect(types).toEqual(["criterion.changed"]);
    await register(["override.created"], "/overrides");
    const second = await createOpportunityFor(t.rep, deal.accountId, { stage: "discovery" });
    await api(managerKey, "POST", `/opportunities/${second.id}/stage-changes`, {
      body: { toStage: "solution", version: 1, overrideReason: "Signed LOI in hand already.", overrideExpiresOn: expiry },
    });
    expect(await db().webhookEvent.count({ where: { organizationId: t.org.id, type: "override.created" } })).toBe(1);
  });

  it("emits lead.created for every new lead and lead.routed for those given an owner, whichever door they came through", async () => {
    const hook = await register(["lead.created", "lead.routed"]);
    await giveIcp(t.admin);
    const fields = {
      name: "Ana Buyer",
      email: "ana@acme-saas.io",
      companyName: "Acme SaaS",
      domain: "acme-saas.io",
      industry: "SaaS",
      employeeCount: 300,
      region: "EMEA",
      answers: {},
    };
    const marketingKey = await keyFor(t.admin, t.marketing);
    // The API (routed by round robin), a knockout the engine disqualifies (created, never routed), the public form, an import.
    const routed = await api(marketingKey, "POST", "/leads", { body: fields });
    expect(routed.status).toBe(201);
    expect(routed.body).toMatchObject({ source: "api", status: "new" });
    const knockedOut = await api(marketingKey, "POST", "/leads", {
      body: { ...fields, email: "x@tiny.io", domain: "tiny.io", companyName: "Tiny", employeeCount: 10 },
    });
    expect(knockedOut.body).toMatchObject({ status: "disqualified", ownerId: null });
    await submitIntake({
      slug: t.org.slug,
      ip: "10.9.9.9",
      body: goodSubmission({ email: "bo@form-co.io", domain: "form-co.io", companyName: "Form Co" }),
      now: new Date(),
    });
    const { id: jobId } = await createImport(t.marketing, {
      kind: "leads",
      fileName: "leads.csv",
      text: "Full name,Work email,Company,Employees,Industry,Region\nCy Buyer,cy@csv-co.io,Csv Co,300,SaaS,EMEA\n",
    });
    await planImport(t.marketing, { jobId, mapping: (await getImport(t.marketing, jobId)).mapping as Record<string, number | null> });
    await runImport(db(), jobId);
    await confirmImport(t.marketing, jobId);
    await runImport(db(), jobId);

    const leads = await db().lead.findMany({ where: { organizationId: t.org.id }, select: { id: true, ownerId: true, source: true } });
    expect(leads.map((l) => l.source).sort()).toEqual(["api", "api", "import", "intake_form"]);
    const events = await db().webhookEvent.findMany({ where: { organizationId: t.org.id }, orderBy: { createdAt: "asc" } });
    const ofType = (type: string) =>
      events
        .filter((e) => e.type === type)
        .map((e) => (e.payload as { leadId: string }).leadId)
        .sort();
    expect(ofType("lead.created")).toEqual(leads.map((l) => l.id).sort());
    expect(ofType("lead.routed")).toEqual(
      leads
        .filter((l) => l.ownerId)
        .map((l) => l.id)
        .sort(),
    );
    expect(ofType("lead.routed")).not.toContain(knockedOut.body.id);
    const routedEvent = events.find((e) => e.type === "lead.routed" && (e.payload as { leadId: string }).leadId === routed.body.id);
    expect(routedEvent?.payload).toMatchObject({ ownerId: routed.body.ownerId, routedBy: "round_robin" });

    expect(await deliverDue(db(), { limit: 50 })).toBe(events.length);
    expect(received.map((r) => r.headers["winnow-event"]).sort()).toEqual(events.map((e) => e.type).sort());
    expect(await db().webhookDelivery.count({ where: { endpointId: hook.id, status: "delivered" } })).toBe(events.length);
  });

  it("has one call for the recap feature to emit recap.responded, only to subscribers", async () => {
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "discovery" });
    const recap = {
      recapId: "recap_1",
      opportunityId: deal.id,
      contactId: "contact_1",
      respondedAt: new Date("2026-12-02T10:00:00Z"),
      answers: [{ criterionId: "metrics", answer: "confirmed", outcome: "verified" }],
    };
    await emitRecapResponded(db(), t.org.id, recap);
    expect(await db().webhookEvent.count({ where: { organizationId: t.org.id } })).toBe(0);
    await register(["recap.responded"]);
    await emitRecapResponded(db(), t.org.id, recap);
    const event = await db().webhookEvent.findFirstOrThrow({ where: { organizationId: t.org.id, type: "recap.responded" } });
    expect(event.payload).toEqual({ ...recap, respondedAt: "2026-12-02T10:00:00.000Z" });
    expect(await deliverDue(db())).toBe(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({
      type: "recap.responded",
      data: { recapId: "recap_1", answers: [{ criterionId: "metrics" }] },
    });
  });

  it("emits opportunity.verdict_changed when a re-score changes the verdict on record", async () => {
    await register(["opportunity.verdict_changed"]);
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "discovery" });
    // The verdict on record differs from what the engine will say now.
    await db().scoreSnapshot.create({
      data: { organizationId: t.org.id, opportunityId: deal.id, stage: "discovery", fit: 0, intent: 0, verdict: "recorded_earlier", trigger: "test" },
    });
    expect((await api(repKey, "POST", "/notes", { body: { opportunityId: deal.id, body: "Quick call." } })).status).toBe(201);
    const event = await db().webhookEvent.findFirstOrThrow({ where: { organizationId: t.org.id, type: "opportunity.verdict_changed" } });
    expect(event.payload).toMatchObject({ opportunityId: deal.id, from: "recorded_earlier", trigger: "note" });
    // No change, no event: the next re-score agrees with the record.
    await api(repKey, "POST", "/notes", { body: { opportunityId: deal.id, body: "Another call." } });
    expect(await db().webhookEvent.count({ where: { organizationId: t.org.id, type: "opportunity.verdict_changed" } })).toBe(1);
  });

  it("retries with exponential backoff, gives up after the last attempt, and can redeliver by hand", async () => {
    const hook = await register(["criterion.changed"]);
    answer = 500;
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "discovery" });
    await api(repKey, "POST", "/notes", {
      body: { opportunityId: deal.id, body: "Pain", evidence: [{ criterionId: "identify_pain", state: "claimed", excerpt: "close is slow" }] },
    });
    let clock = Date.now();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await deliverDue(db(), { now: new Date(clock) })).toBe(1);
      const row = await db().webhookDelivery.findFirstOrThrow({ where: { endpointId: hook.id } });
      expect(row).toMatchObject({ attempts: attempt, lastStatusCode: 500, lastError: "HTTP 500" });
      if (attempt < MAX_ATTEMPTS) {
        expect(row.nextAttemptAt.getTime() - clock).toBe(backoffDelay(attempt));
        // Not due before its time.
        expect(await deliverDue(db(), { now: new Date(clock + backoffDelay(attempt) - 1000) })).toBe(0);
      }
      clock += backoffDelay(attempt);
    }
    expect((await db().webhookDelivery.findFirstOrThrow({ where: { endpointId: hook.id } })).status).toBe("failed");
    expect(await deliverDue(db(), { now: new Date(clock + 86_400_000) })).toBe(0);
    expect(received).toHaveLength(MAX_ATTEMPTS);
    expect(backoffDelay(2)).toBe(2 * backoffDelay(1));

    answer = 204;
    const failed = await db().webhookDelivery.findFirstOrThrow({ where: { endpointId: hook.id } });
    expect((await api(adminKey, "POST", `/webhook-deliveries/${failed.id}/redeliver`)).status).toBe(201);
    expect(await deliverDue(db())).toBe(1);
    expect(await db().webhookDelivery.count({ where: { endpointId: hook.id, status: "delivered" } })).toBe(1);
  });

  it("disables an endpoint after repeated failures and says why; enabling it resumes deliveries", async () => {
    const hook = await register(["criterion.changed"]);
    answer = 503;
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "discovery" });
    for (let i = 0; i < DISABLE_AFTER_FAILURES; i++) {
      await api(repKey, "POST", `/opportunities/${deal.id}/criteria/metrics`, { body: { op: "reset" } });
      await db().criterionState.upsert({
        where: { opportunityId_criterionId: { opportunityId: deal.id, criterionId: "metrics" } },
        create: { organizationId: t.org.id, opportunityId: deal.id, criterionId: "metrics", state: "claimed", updatedById: t.rep.id },
        update: { state: "claimed" },
      });
    }
    await api(repKey, "POST", `/opportunities/${deal.id}/criteria/metrics`, { body: { op: "reset" } });
    expect(await deliverDue(db(), { limit: 50 })).toBe(DISABLE_AFTER_FAILURES);
    const endpoint = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: hook.id } });
    expect(endpoint.disabledAt).not.toBeNull();
    expect(endpoint.disabledReason).toMatch(/15 failed deliveries/);
    const pending = await db().webhookDelivery.count({ where: { endpointId: hook.id, status: "pending" } });
    expect(pending).toBeGreaterThan(0);
    expect(await deliverDue(db(), { now: new Date(Date.now() + 86_400_000), limit: 50 })).toBe(0);

    answer = 200;
    expect((await api(adminKey, "POST", `/webhooks/${hook.id}`, { body: { op: "enable" } })).status).toBe(200);
    expect(await deliverDue(db(), { now: new Date(Date.now() + 86_400_000), limit: 50 })).toBe(pending);
    expect((await db().webhookEndpoint.findUniqueOrThrow({ where: { id: hook.id } })).consecutiveFailures).toBe(0);
  });
});
