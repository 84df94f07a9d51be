import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db";
import { backoffDelay, deliverDue, DISABLE_AFTER_FAILURES, MAX_ATTEMPTS } from "../../lib/server/webhooks/deliver";
import { REPLAY_WINDOW_SECONDS } from "../../lib/webhooks/events";
import { verifySignature } from "../../lib/webhooks/signature";
import { api, keyFor } from "../fixtures/api";
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
    const [changed, blocked] = received.map((r) => ({ ...r, json: JSON.parse(r.body) as { type: string; data: Record<string, unknown> } }));
    expect(changed?.json).toMatchObject({ type: "opportunity.stage_changed", data: { opportunityId: deal.id, fromStage: "negotiation", toStage: "discovery", outcome: "allowed" } });
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
    expect(log.body.data.map((d: { status: string; attempts: number; lastStatusCode: number }) => [d.status, d.attempts, d.lastStatusCode])).toEqual([["delivered", 1, 200], ["delivered", 1, 200]]);
  });

  it("emits criterion.changed and override.created in the transaction of the change, only to subscribers", async () => {
    await register(["criterion.changed"]);
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "discovery" });
    await api(repKey, "POST", "/notes", { body: { opportunityId: deal.id, body: "Pain", evidence: [{ criterionId: "identify_pain", state: "claimed", excerpt: "close is slow" }] } });
    const managerKey = await keyFor(t.admin, t.manager);
    const expiry = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await api(managerKey, "POST", `/opportunities/${deal.id}/stage-changes`, { body: { toStage: "proposal", version: 1, overrideReason: "Signed LOI in hand already.", overrideExpiresOn: expiry } });
    const types = (await db().webhookEvent.findMany({ where: { organizationId: t.org.id }, select: { type: true } })).map((e) => e.type);
    expect(types).toEqual(["criterion.changed"]);
    await register(["override.created"], "/overrides");
    const second = await createOpportunityFor(t.rep, deal.accountId, { stage: "discovery" });
    await api(managerKey, "POST", `/opportunities/${second.id}/stage-changes`, { body: { toStage: "solution", version: 1, overrideReason: "Signed LOI in hand already.", overrideExpiresOn: expiry } });
    expect(await db().webhookEvent.count({ where: { organizationId: t.org.id, type: "override.created" } })).toBe(1);
  });

  it("emits opportunity.verdict_changed when a re-score changes the verdict on record", async () => {
    await register(["opportunity.verdict_changed"]);
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "discovery" });
    // The verdict on record differs from what the engine will say now.
    await db().scoreSnapshot.create({ data: { organizationId: t.org.id, opportunityId: deal.id, stage: "discovery", fit: 0, intent: 0, verdict: "recorded_earlier", trigger: "test" } });
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
    await api(repKey, "POST", "/notes", { body: { opportunityId: deal.id, body: "Pain", evidence: [{ criterionId: "identify_pain", state: "claimed", excerpt: "close is slow" }] } });
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
