import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db";
import { api, keyFor } from "../fixtures/api";
import { giveIcp } from "../fixtures/leads";
import { createAccountFor, createOpportunityFor, createTenant, qualificationRows, type Tenant } from "../fixtures/tenants";

let t: Tenant;
let other: Tenant;
let repKey: string;

beforeEach(async () => {
  [t, other] = await Promise.all([createTenant("Api"), createTenant("Other")]);
  repKey = await keyFor(t.admin, t.rep);
});

describe("the probe set, through /api/v1", () => {
  it("creates an account and reads it back", async () => {
    const created = await api(repKey, "POST", "/accounts", { body: { name: "Acme", domain: "https://Acme.io/x", techStack: ["Postgres"] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Acme", domain: "acme.io", techStack: ["Postgres"], ownerId: t.rep.id });
    const read = await api(repKey, "GET", `/accounts/${created.body.id}`);
    expect(read.body.id).toBe(created.body.id);
  });

  it("answers 404 NOT_FOUND for another organization's records, reading or writing", async () => {
    const foreign = await createAccountFor(other.rep);
    const foreignDeal = await createOpportunityFor(other.rep, foreign.id, { stage: "discovery" });
    for (const [method, path, body] of [
      ["GET", `/accounts/${foreign.id}`, undefined],
      ["PATCH", `/accounts/${foreign.id}`, { name: "Mine now" }],
      ["GET", `/opportunities/${foreignDeal.id}/assessment`, undefined],
      ["POST", `/opportunities/${foreignDeal.id}/stage-changes`, { toStage: "solution", version: 1 }],
      ["POST", "/opportunities", { name: "Sneaky", accountId: foreign.id, amount: 10 }],
    ] as const) {
      const res = await api(repKey, method, path, { body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.code).toBe("NOT_FOUND");
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
    expect((await db().account.findUniqueOrThrow({ where: { id: foreign.id } })).name).toBe("Test Account");
  });

  it("answers 403 FORBIDDEN when the key's role may not act, and changes nothing", async () => {
    const marketingKey = await keyFor(t.admin, t.marketing);
    const res = await api(marketingKey, "POST", "/accounts", { body: { name: "Nope" } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("FORBIDDEN");
    const account = await createAccountFor(t.otherRep);
    const deal = await createOpportunityFor(t.otherRep, account.id, { stage: "negotiation" });
    const notOwner = await api(repKey, "POST", `/opportunities/${deal.id}/stage-changes`, { body: { toStage: "discovery", version: 1 } });
    expect(notOwner.status).toBe(403);
    expect(await api(repKey, "GET", "/audit-events")).toMatchObject({ status: 403 });
    expect(await db().account.count({ where: { organizationId: t.org.id, name: "Nope" } })).toBe(0);
  });

  it("refuses a blocked stage change with 422 GATE_BLOCKED and its blockers, writing nothing", async () => {
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "discovery" });
    const before = await qualificationRows(deal.id);
    const res = await api(repKey, "POST", `/opportunities/${deal.id}/stage-changes`, { body: { toStage: "solution", version: 1 } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "GATE_BLOCKED", status: 422 });
    expect(res.body.blockers).toEqual([expect.objectContaining({ stageId: "discovery", code: "criterion_missing", criterionId: "identify_pain" })]);
    expect(await qualificationRows(deal.id)).toEqual(before);
  });

  it("answers 409 CONFLICT with the current version when the version is stale (body or If-Match)", async () => {
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "negotiation" });
    const moved = await api(repKey, "POST", `/opportunities/${deal.id}/stage-changes`, {
      body: { toStage: "discovery" },
      headers: { "if-match": '"1"' },
    });
    expect(moved.status).toBe(201);
    expect(moved.body.opportunity.version).toBe(2);
    const stale = await api(repKey, "PATCH", `/opportunities/${deal.id}`, { body: { name: "Renamed" }, headers: { "if-match": '"1"' } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: "CONFLICT", currentVersion: 2 });
    const fresh = await api(repKey, "PATCH", `/opportunities/${deal.id}`, { body: { name: "Renamed", version: 2 } });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ name: "Renamed", version: 3 });
    expect(fresh.headers.get("etag")).toBe('"3"');
  });

  it("answers a stage change with the deal as stored after the move, without gzip for a small answer", async () => {
    const deal = await createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage: "negotiation" });
    const moved = await api(repKey, "POST", `/opportunities/${deal.id}/stage-changes`, { body: { toStage: "discovery", version: 1 } });
    expect(moved.status).toBe(201);
    const read = await api(repKey, "GET", `/opportunities/${deal.id}`);
    expect(moved.body.opportunity).toEqual(read.body);
    expect(moved.body.opportunity).toMatchObject({ stage: "discovery", version: 2 });
    // Small answers tell next start's compression not to gzip them; a list over 1 KB is left to it.
    expect(moved.headers.get("cache-control")).toBe("no-transform");
    for (let i = 0; i < 8; i++) await createAccountFor(t.rep);
    const list = await api(repKey, "GET", "/accounts?limit=50");
    expect(JSON.stringify(list.body).length).toBeGreaterThan(1024);
    expect(list.headers.get("cache-control")).toBeNull();
  });

  it("reports INVALID with per-field paths", async () => {
    const res = await api(repKey, "POST", "/notes", {
      body: { opportunityId: "x", body: "n", evidence: [{ criterionId: "metrics", state: "maybe", excerpt: "" }] },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("INVALID");
    const paths = (res.body.errors as Array<{ path: string }>).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["evidence.0.state", "evidence.0.excerpt"]));
  });

  it("replays a retried POST with the same Idempotency-Key instead of creating twice", async () => {
    const headers = { "idempotency-key": "create-acme-1" };
    const first = await api(repKey, "POST", "/accounts", { body: { name: "Once Ltd" }, headers });
    const retry = await api(repKey, "POST", "/accounts", { body: { name: "Once Ltd" }, headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await db().account.count({ where: { organizationId: t.org.id, name: "Once Ltd" } })).toBe(1);
    const reused = await api(repKey, "POST", "/accounts", { body: { name: "Other Ltd" }, headers });
    expect(reused.body.code).toBe("IDEMPOTENCY_MISMATCH");
  });

  it("refuses bodies over the limit with 413", async () => {
    const res = await api(repKey, "POST", "/notes", { rawBody: JSON.stringify({ body: "x".repeat(1_100_000) }) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("limits requests per key with 429 and Retry-After, counted in the database", async () => {
    await db().apiKey.updateMany({ where: { organizationId: t.org.id }, data: { rateLimitPerMinute: 2 } });
    expect((await api(repKey, "GET", "/accounts")).status).toBe(200);
    expect((await api(repKey, "GET", "/accounts")).status).toBe(200);
    const limited = await api(repKey, "GET", "/accounts");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another key of the same organization has its own budget.
    expect((await api(await keyFor(t.admin, t.manager), "GET", "/accounts")).status).toBe(200);
    // One limiter for the whole app: the key's window is a row of the shared RateLimitBucket table.
    const key = await db().apiKey.findFirstOrThrow({ where: { organizationId: t.org.id, userId: t.rep.id } });
    expect((await db().rateLimitBucket.findMany({ where: { key: `api:key:${key.id}` } })).map((b) => b.count)).toEqual([3]);
  });

  it("stops a deactivated user's keys at once", async () => {
    const key = await keyFor(t.admin, t.otherRep);
    expect((await api(key, "GET", "/accounts")).status).toBe(200);
    expect((await api(await keyFor(t.admin), "POST", `/users/${t.otherRep.id}/deactivation`)).status).toBe(200);
    expect((await api(key, "GET", "/accounts")).status).toBe(401);
  });

  it("walks the README: create a lead, convert it, try a blocked advance, read the blockers", async () => {
    await giveIcp(t.admin);
    const managerKey = await keyFor(t.admin, t.manager, "manager");
    const body = {
      name: "Dana Buyer",
      email: "dana@acme.example",
      companyName: "Acme Robotics",
      domain: "acme.example",
      industry: "Software",
      employeeCount: 400,
      region: "EMEA",
    };
    const lead = await api(managerKey, "POST", "/leads", { body, headers: { "idempotency-key": "lead-acme-1" } });
    expect(lead.status).toBe(201);
    expect((await api(managerKey, "POST", "/leads", { body, headers: { "idempotency-key": "lead-acme-1" } })).body.id).toBe(lead.body.id);
    expect(await db().lead.count({ where: { organizationId: t.org.id } })).toBe(1);
    const read = await api(managerKey, "GET", `/leads/${lead.body.id}`);
    expect(read.body).toMatchObject({ source: "api", status: "new", routedBy: "round_robin" });
    expect([t.rep.id, t.otherRep.id]).toContain(read.body.ownerId);

    const converted = await api(managerKey, "POST", `/leads/${lead.body.id}/conversion`, { body: { opportunityName: "Acme platform" } });
    expect(converted.status).toBe(201);
    const deal = await api(managerKey, "GET", `/opportunities/${converted.body.opportunityId}`);
    expect(deal.body).toMatchObject({ name: "Acme platform", stage: "prospecting" });
    const blocked = await api(managerKey, "POST", `/opportunities/${deal.body.id}/stage-changes`, {
      body: { toStage: "proposal" },
      headers: { "if-match": `"${deal.body.version}"` },
    });
    expect(blocked).toMatchObject({ status: 422, body: { code: "GATE_BLOCKED" } });
    expect(blocked.body.blockers.length).toBeGreaterThan(0);
    const assessment = await api(managerKey, "GET", `/opportunities/${deal.body.id}/assessment`);
    expect(assessment.body).toMatchObject({
      stage: "prospecting",
      verdict: { verdict: expect.any(String) },
      nextGate: { allowed: expect.any(Boolean) },
    });
  });

  it("scopes leads like the inbox: a rep sees only their own, another tenant's lead is not found", async () => {
    await giveIcp(t.admin);
    const marketingKey = await keyFor(t.admin, t.marketing);
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const res = await api(marketingKey, "POST", "/leads", {
        body: { name: `Lead ${n}`, email: `l${n}@lead${n}.example`, companyName: `Lead ${n} Co`, industry: "SaaS", employeeCount: 200 },
      });
      ids.push(res.body.id);
    }
    const owners = await db().lead.findMany({ where: { id: { in: ids } }, select: { id: true, ownerId: true } });
    const mine = owners.filter((l) => l.ownerId === t.rep.id).map((l) => l.id);
    const listed = await api(repKey, "GET", "/leads?status=all");
    expect(listed.body.data.map((l: { id: string }) => l.id).sort()).toEqual(mine.sort());
    const notMine = owners.find((l) => l.ownerId !== t.rep.id);
    if (notMine) expect((await api(repKey, "GET", `/leads/${notMine.id}`)).status).toBe(404);
    const foreignKey = await keyFor(other.admin);
    expect((await api(foreignKey, "GET", `/leads/${ids[0]}`)).status).toBe(404);
    expect((await api(foreignKey, "POST", `/leads/${ids[0]}/disqualification`, { body: { reason: "Not ours" } })).status).toBe(404);
  });

  it("refuses a revoked key, an unknown key and a missing key with 401", async () => {
    const key = await db().apiKey.findFirstOrThrow({ where: { organizationId: t.org.id } });
    const adminKey = await keyFor(t.admin);
    expect((await api(adminKey, "POST", `/api-keys/${key.id}/revoke`)).status).toBe(200);
    expect((await api(repKey, "GET", "/accounts")).status).toBe(401);
    expect((await api("wnw_made-up", "GET", "/accounts")).status).toBe(401);
    const none = await api(null, "GET", "/accounts");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/Bearer/);
  });

  it("ignores session cookies: without a key there is no access", async () => {
    const res = await api(null, "GET", "/accounts", { headers: { cookie: "next-auth.session-token=anything" } });
    expect(res.status).toBe(401);
  });

  it("names the key in the audit entries of changes made through it", async () => {
    const created = await api(repKey, "POST", "/accounts", { body: { name: "Audited Inc" } });
    const key = await db().apiKey.findFirstOrThrow({ where: { organizationId: t.org.id, userId: t.rep.id } });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: created.body.id } });
    expect(audit).toMatchObject({ actorId: t.rep.id, apiKeyId: key.id, action: "create" });
    const listed = await api(await keyFor(t.admin), "GET", `/audit-events?apiKeyId=${key.id}`);
    expect(listed.body.data).toEqual([expect.objectContaining({ entityId: created.body.id, apiKeyId: key.id })]);
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).not.toBeNull();
  });
});
