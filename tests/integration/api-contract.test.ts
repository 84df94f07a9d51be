import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "../../lib/server/api/openapi";
import { OPERATIONS } from "../../lib/server/api/operations";
import { db } from "../../lib/server/db";
import { api, keyFor, type ApiResponse } from "../fixtures/api";
import { createTenant, type Tenant } from "../fixtures/tenants";

const doc = openApiDocument() as { paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(doc, "openapi");

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
const covered = new Map<string, Set<number>>();

/** Calls the API and checks the response against the document's schema for that operation and status. */
async function call(token: string, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse> {
  const res = await api(token, method, url, { body, headers });
  const pathOnly = url.split("?")[0] ?? url;
  const op = OPERATIONS.find((o) => o.method === method && new RegExp(`^${o.path.replace(/\{\w+\}/g, "[^/]+")}$`).test(pathOnly));
  expect(op, `${method} ${url} is documented`).toBeDefined();
  const responses = doc.paths[op!.path]?.[method.toLowerCase()]?.responses ?? {};
  expect(Object.keys(responses), `${op!.operationId} documents ${res.status}`).toContain(String(res.status));
  const media = res.status >= 400 ? "application/problem+json" : "application/json";
  expect(res.headers.get("content-type")).toBe(media);
  const validate = ajv.getSchema(`openapi#/${pointer("paths", op!.path, method.toLowerCase(), "responses", String(res.status), "content", media, "schema")}`);
  expect(validate, `schema of ${op!.operationId} ${res.status}`).toBeDefined();
  expect(validate!(res.body), `${op!.operationId} ${res.status}: ${JSON.stringify(validate!.errors)}`).toBe(true);
  const statuses = covered.get(op!.operationId) ?? new Set<number>();
  covered.set(op!.operationId, statuses.add(res.status));
  return res;
}

let t: Tenant;
let admin: string;
let rep: string;
let manager: string;
let marketing: string;

beforeAll(async () => {
  t = await createTenant("Contract");
  [admin, rep, manager, marketing] = await Promise.all([keyFor(t.admin), keyFor(t.admin, t.rep), keyFor(t.admin, t.manager), keyFor(t.admin, t.marketing)]);
});

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect((doc as unknown as { openapi: string }).openapi).toBe("3.1.0");
  });

  it("documents every operation exactly once, with a unique operationId", () => {
    const ids = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((m) => m.operationId));
    expect(ids.sort()).toEqual(OPERATIONS.map((o) => o.operationId).sort());
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("every endpoint answers as documented", () => {
  it("walks the whole API: each response validates against the document", async () => {
    const account = (await call(rep, "POST", "/accounts", { name: "Contract Co", industry: "SaaS", employeeCount: 300 })).body;
    await call(rep, "GET", `/accounts/${account.id}`);
    await call(rep, "PATCH", `/accounts/${account.id}`, { country: "DE" });
    await call(rep, "GET", "/accounts?limit=1&sort=createdAt&dir=desc");
    await call(rep, "GET", "/accounts?limit=1000");
    const contact = (await call(rep, "POST", "/contacts", { accountId: account.id, name: "Chris Buyer", email: "chris@contract.test" })).body;
    await call(rep, "GET", `/contacts/${contact.id}`);
    await call(rep, "PATCH", `/contacts/${contact.id}`, { title: "CFO" });
    await call(rep, "GET", `/contacts?accountId=${account.id}`);
    const deal = (await call(rep, "POST", "/opportunities", { name: "Contract deal", accountId: account.id, amount: 12000.5 })).body;
    await call(rep, "GET", `/opportunities/${deal.id}`);
    await call(rep, "GET", "/opportunities?status=all&sort=amount");
    await call(rep, "PATCH", `/opportunities/${deal.id}`, { amount: 15000, version: deal.version });
    await call(rep, "PATCH", `/opportunities/${deal.id}`, { amount: 1, version: 1 });
    await call(marketing, "POST", "/accounts", { name: "No" });
    await call(rep, "GET", "/opportunities/nope");
    const note = (await call(rep, "POST", "/notes", { opportunityId: deal.id, body: "Pain: month-end close.", evidence: [{ criterionId: "identify_pain", state: "claimed", excerpt: "month-end close", contactId: contact.id }] })).body;
    await call(rep, "GET", `/notes/${note.id}`);
    await call(rep, "GET", `/opportunities/${deal.id}/criteria`);
    await call(rep, "POST", `/opportunities/${deal.id}/criteria/identify_pain`, { op: "verify" });
    await call(rep, "POST", `/opportunities/${deal.id}/stakeholders`, { contactId: contact.id, role: "economic_buyer" });
    const committee = (await call(rep, "GET", `/opportunities/${deal.id}/stakeholders`)).body;
    await call(rep, "POST", `/stakeholders/${committee.data[0].id}`, { op: "engaged" });
    await call(rep, "GET", `/opportunities/${deal.id}/assessment`);
    const current = (await call(rep, "GET", `/opportunities/${deal.id}`)).body;
    await call(rep, "POST", `/opportunities/${deal.id}/stage-changes`, { toStage: "proposal", version: current.version });
    await call(manager, "POST", `/opportunities/${deal.id}/stage-changes`, { toStage: "proposal", version: current.version, overrideReason: "Board approved the budget in writing.", overrideExpiresOn: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10) });
    await call(rep, "GET", `/opportunities/${deal.id}/stage-changes`);
    await call(rep, "GET", `/opportunities/${deal.id}/overrides`);
    await call(marketing, "GET", "/icp-versions");
    const rule = { id: "industry", label: "Industry", kind: "industry_in", industries: ["SaaS"], weight: 10, knockout: false };
    await call(marketing, "POST", "/icp-versions/preview", { rules: [rule], pursueThreshold: 50 });
    await call(marketing, "POST", "/icp-versions", { rules: [rule], pursueThreshold: 50, basedOnVersion: 0 });
    await call(marketing, "POST", "/icp-versions", { rules: [rule], pursueThreshold: 50, basedOnVersion: 0 });
    await call(manager, "PUT", "/framework", { frameworkKey: "meddpicc", confirmReset: true });
    const stages = (await call(manager, "PUT", "/framework", { frameworkKey: "meddpicc", confirmReset: true })).body.stages as Array<{ id: string; label: string; probability: number; exit: unknown[] }>;
    await call(manager, "PUT", "/pipeline", { stages: stages.map((s) => ({ id: s.id, label: s.label, probability: Math.round(s.probability * 100), exit: s.exit })) });
    const user = (await call(admin, "POST", "/users", { name: "Api Made", email: `api-made-${Date.now()}@test.local`, role: "rep", password: "long-enough-pw" })).body;
    await call(admin, "PUT", `/users/${user.id}/role`, { role: "manager" });
    await call(admin, "GET", "/audit-events?limit=5");
    const key = (await call(admin, "POST", "/api-keys", { name: "Warehouse", actAs: "role", role: "rep" })).body;
    await call(admin, "GET", "/api-keys");
    await call(admin, "POST", `/api-keys/${key.id}/revoke`);
    const hook = (await call(admin, "POST", "/webhooks", { url: "http://127.0.0.1:9/hooks", events: ["criterion.changed"] })).body;
    await call(admin, "GET", "/webhooks");
    await call(rep, "POST", `/opportunities/${deal.id}/criteria/identify_pain`, { op: "reset" });
    const deliveries = (await call(admin, "GET", `/webhooks/${hook.id}/deliveries`)).body;
    expect(deliveries.data).toHaveLength(1);
    await call(admin, "POST", `/webhook-deliveries/${deliveries.data[0].id}/redeliver`);
    await call(admin, "POST", `/webhooks/${hook.id}`, { op: "disable" });
    await call(rep, "GET", "/accounts?cursor=not-a-cursor");

    // Every operation was exercised, and the refusals above were among the documented problems.
    expect([...covered.keys()].sort()).toEqual(OPERATIONS.map((o) => o.operationId).sort());
    expect(covered.get("updateOpportunity")).toEqual(new Set([200, 409]));
    expect(covered.get("changeStage")).toEqual(new Set([201, 422]));
    expect(covered.get("createIcpVersion")).toEqual(new Set([201, 409]));
  });
});

afterAll(async () => {
  await db().webhookEndpoint.deleteMany({ where: { organizationId: t.org.id } });
});
