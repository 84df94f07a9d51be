import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "../../lib/server/api/openapi";
import { OPERATIONS } from "../../lib/server/api/operations";
import { db } from "../../lib/server/db";
import { api, keyFor, type ApiResponse } from "../fixtures/api";
import { createContactFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { defaultIntakeQuestions } from "../../lib/qualification/leads";
import { FRAMEWORKS } from "../../lib/qualification";
import { MAX_IMPORT_BYTES } from "../../lib/validation/import";
import { runImport } from "../../lib/server/imports/run-import";

const doc = openApiDocument() as { paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(doc, "openapi");

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
const covered = new Map<string, Set<number>>();

/** Calls the API and checks the response against the document's schema for that operation and status. */
/** A string body is sent as it is (a file upload); anything else as JSON. */
async function call(token: string, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse> {
  const res = await api(token, method, url, typeof body === "string" ? { rawBody: body, headers } : { body, headers });
  const pathOnly = url.split("?")[0] ?? url;
  const op = OPERATIONS.find((o) => o.method === method && new RegExp(`^${o.path.replace(/\{\w+\}/g, "[^/]+")}$`).test(pathOnly));
  expect(op, `${method} ${url} is documented`).toBeDefined();
  const responses = doc.paths[op!.path]?.[method.toLowerCase()]?.responses ?? {};
  expect(Object.keys(responses), `${op!.operationId} documents ${res.status}`).toContain(String(res.status));
  const media = res.status >= 400 ? "application/problem+json" : "application/json";
  expect(res.headers.get("content-type")).toBe(media);
  const validate = ajv.getSchema(
    `openapi#/${pointer("paths", op!.path, method.toLowerCase(), "responses", String(res.status), "content", media, "schema")}`,
  );
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
  [admin, rep, manager, marketing] = await Promise.all([
    keyFor(t.admin),
    keyFor(t.admin, t.rep),
    keyFor(t.admin, t.manager),
    keyFor(t.admin, t.marketing),
  ]);
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
    const note = (
      await call(rep, "POST", "/notes", {
        opportunityId: deal.id,
        body: "Pain: month-end close.",
        evidence: [{ criterionId: "identify_pain", state: "claimed", excerpt: "month-end close", contactId: contact.id }],
      })
    ).body;
    await call(rep, "GET", `/notes/${note.id}`);
    await call(rep, "GET", `/opportunities/${deal.id}/criteria`);
    await call(rep, "POST", `/opportunities/${deal.id}/criteria/identify_pain`, { op: "verify" });
    await call(rep, "POST", `/opportunities/${deal.id}/stakeholders`, { contactId: contact.id, role: "economic_buyer" });
    const committee = (await call(rep, "GET", `/opportunities/${deal.id}/stakeholders`)).body;
    await call(rep, "POST", `/stakeholders/${committee.data[0].id}`, {
      op: "engaged",
      channel: "meeting",
      happenedOn: new Date().toISOString().slice(0, 10),
      summary: "Walked through the business case",
    });
    await call(rep, "GET", `/opportunities/${deal.id}/assessment`);
    const current = (await call(rep, "GET", `/opportunities/${deal.id}`)).body;
    await call(rep, "POST", `/opportunities/${deal.id}/stage-changes`, { toStage: "proposal", version: current.version });
    await call(manager, "POST", `/opportunities/${deal.id}/stage-changes`, {
      toStage: "proposal",
      version: current.version,
      overrideReason: "Board approved the budget in writing.",
      overrideExpiresOn: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
    });
    await call(rep, "GET", `/opportunities/${deal.id}/stage-changes`);
    await call(rep, "GET", `/opportunities/${deal.id}/overrides`);
    await call(marketing, "GET", "/icp-versions");
    const rule = { id: "industry", label: "Industry", kind: "industry_in", industries: ["SaaS"], weight: 10, knockout: false };
    await call(marketing, "POST", "/icp-versions/preview", { rules: [rule], pursueThreshold: 50 });
    await call(marketing, "POST", "/icp-versions", { rules: [rule], pursueThreshold: 50, basedOnVersion: 0 });
    await call(marketing, "POST", "/icp-versions", { rules: [rule], pursueThreshold: 50, basedOnVersion: 0 });
    await call(manager, "PUT", "/framework", { frameworkKey: "meddpicc", confirmReset: true });
    const stages = (await call(manager, "PUT", "/framework", { frameworkKey: "meddpicc", confirmReset: true })).body.stages as Array<{
      id: string;
      label: string;
      probability: number;
      exit: unknown[];
    }>;
    await call(manager, "PUT", "/pipeline", {
      stages: stages.map((s) => ({ id: s.id, label: s.label, probability: Math.round(s.probability * 100), exit: s.exit })),
    });
    // A custom framework and a stage edit are versioned saves: each answers with the version to edit from next.
    // The client learns the version to save against from a read, not from a prior save.
    const setup = (await call(rep, "GET", "/settings/qualification")).body as {
      version: number;
      stages: Array<Record<string, unknown>>;
      framework: { key: string };
    };
    const setupVersion = setup.version;
    expect(setupVersion).toBe(
      (await db().pipeline.findUniqueOrThrow({ where: { id: t.pipeline.id }, select: { qualificationVersion: true } })).qualificationVersion,
    );
    expect(setup.framework.key).toBe("meddpicc");
    const criteria = FRAMEWORKS.meddpicc.criteria.map((c) => ({
      id: c.id,
      label: c.label,
      description: c.description,
      weight: c.weight,
      knockout: c.knockout,
      freshnessDays: c.freshnessDays,
      questions: c.questions,
      verifierRoles: c.verifierRoles ?? [],
    }));
    const custom = (await call(manager, "PUT", "/framework/custom", { expectedVersion: setupVersion, name: "Our MEDDPICC", criteria })).body;
    expect(custom.version).toBe(setupVersion + 1);
    expect((await call(manager, "PUT", "/framework/custom", { expectedVersion: setupVersion, name: "Stale edit", criteria })).status).toBe(409);
    // The read's stages are in the shape the stage edit takes: read, change nothing, save.
    const reread = (await call(manager, "GET", "/settings/qualification")).body as { version: number; stages: Array<Record<string, unknown>> };
    expect(reread.version).toBe(custom.version);
    const edited = await call(manager, "PUT", "/stages", { expectedVersion: reread.version, stages: reread.stages, destinations: {} });
    expect(edited.status).toBe(200);
    const user = (
      await call(admin, "POST", "/users", { name: "Api Made", email: `api-made-${Date.now()}@test.local`, role: "rep", password: "long-enough-pw" })
    ).body;
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

    // Leads: created through the API (scored and routed), read, triaged and converted.
    const leadFields = {
      name: "Lee Lead",
      email: "lee@lead-co.test",
      companyName: "Lead Co",
      domain: "lead-co.test",
      industry: "SaaS",
      employeeCount: 300,
      region: "EMEA",
      answers: {},
    };
    const lead = (await call(marketing, "POST", "/leads", leadFields)).body;
    expect(lead).toMatchObject({ source: "api", companyName: "Lead Co" });
    await call(manager, "GET", `/leads/${lead.id}`);
    await call(manager, "GET", "/leads?status=all&sort=createdAt&dir=asc&limit=1");
    await call(manager, "GET", "/leads?verdict=maybe");
    await call(manager, "POST", `/leads/${lead.id}/nurture`, { resumeOn: "2027-06-01", watchFor: "Funding", reason: "Budget is set next year" });
    await call(manager, "POST", `/leads/${lead.id}/resumption`);
    await call(manager, "POST", `/leads/${lead.id}/conversion`, { opportunityName: "Lead Co pilot", pipelineId: t.pipeline.id });
    const other = (
      await call(marketing, "POST", "/leads", { ...leadFields, email: "sam@lead-two.test", domain: "lead-two.test", companyName: "Lead Two" })
    ).body;
    await call(manager, "POST", `/leads/${other.id}/disqualification`, { reason: "A student project" });
    await call(manager, "POST", `/leads/${lead.id}/conversion`, {});

    // A manager reviews a verification the rep made on their own word.
    const at = new Date();
    await db().evidence.create({
      data: {
        organizationId: t.org.id,
        opportunityId: deal.id,
        criterionId: "metrics",
        state: "verified",
        excerpt: "Saves 3 days a month",
        capturedAt: at,
        capturedById: t.rep.id,
        verifiedById: t.rep.id,
        verifiedAt: at,
      },
    });
    await db().criterionState.upsert({
      where: { opportunityId_criterionId: { opportunityId: deal.id, criterionId: "metrics" } },
      create: { organizationId: t.org.id, opportunityId: deal.id, criterionId: "metrics", state: "verified", updatedById: t.rep.id },
      update: { state: "verified" },
    });
    await call(manager, "POST", `/opportunities/${deal.id}/criteria/metrics/review`, { op: "accept" });
    await call(rep, "POST", `/opportunities/${deal.id}/criteria/metrics/review`, { op: "accept" });

    // A recap for the buyer, then revoked before they answer.
    const recap = (
      await call(rep, "POST", `/opportunities/${deal.id}/recaps`, {
        contactId: contact.id,
        points: [{ criterionId: "metrics", text: "Saves 3 days a month" }],
        email: false,
      })
    ).body;
    await call(rep, "POST", `/recaps/${recap.id}/revocation`);
    await call(rep, "POST", "/recaps/nope/revocation");

    // Not yet: a deal parked and resumed.
    const parked = await createOpportunityFor(t.rep, account.id, { stage: "discovery" });
    expect(
      (await call(rep, "PUT", `/opportunities/${parked.id}/next-step`, { text: "Send the mutual action plan", dueOn: "2027-01-15" })).status,
    ).toBe(200);
    expect((await call(rep, "POST", `/opportunities/${parked.id}/next-step/completion`)).status).toBe(200);
    await call(rep, "POST", `/opportunities/${parked.id}/nurture`, { resumeOn: "2027-06-01", watchFor: "A new CFO" });
    await call(rep, "POST", `/opportunities/${parked.id}/resumption`);

    // Bulk: a rep's selection holding a manager's deal changes the rep's own and reports the other, row by row.
    const bulkOwn = await createOpportunityFor(t.rep, account.id, { stage: "discovery" });
    const bulkOther = await createOpportunityFor(t.manager, account.id, { stage: "discovery" });
    const reassigned = (await call(rep, "POST", "/bulk/opportunities/reassignment", { ids: [bulkOwn.id, bulkOther.id], ownerId: t.manager.id })).body;
    expect(reassigned).toEqual({ done: [bulkOwn.id], refused: [{ id: bulkOther.id, code: "FORBIDDEN", message: expect.any(String) }] });
    await call(manager, "POST", "/bulk/opportunities/nurture", {
      ids: [bulkOwn.id, bulkOther.id],
      resumeOn: "2027-06-01",
      reason: "Budget is set next year",
    });
    await call(manager, "POST", "/bulk/leads/assignment", { ids: [other.id], ownerId: t.rep.id });
    await call(manager, "POST", "/bulk/leads/disqualification", { ids: [lead.id], reason: "Converted already" });

    // Saved views: the user's own, saved, listed and deleted; another user's view is not found.
    const view = (
      await call(rep, "PUT", "/saved-views", {
        list: "opportunities",
        name: "Big open deals",
        query: { status: "open", sort: "amount", dir: "desc" },
      })
    ).body;
    expect((await call(rep, "GET", "/saved-views?list=opportunities")).body.data).toEqual([view]);
    await call(manager, "POST", `/saved-views/${view.id}/deletion`);
    await call(rep, "POST", `/saved-views/${view.id}/deletion`);

    // Pipelines: listed, a second one created, renamed, reordered, a deal moved into it, an empty one deleted.
    expect((await call(rep, "GET", "/pipelines")).body.data).toHaveLength(1);
    const renewals = (await call(manager, "POST", "/pipelines", { name: "Renewals", frameworkKey: "bant" })).body;
    await call(manager, "PATCH", `/pipelines/${renewals.id}`, { name: "Renewals (BANT)" });
    await call(manager, "PUT", "/pipelines/order", { pipelineIds: [t.pipeline.id, renewals.id] });
    const moving = await createOpportunityFor(t.rep, account.id, { stage: "prospecting" });
    expect(
      (
        await call(manager, "POST", `/opportunities/${moving.id}/pipeline`, {
          version: moving.version,
          pipelineId: renewals.id,
          toStage: "prospecting",
        })
      ).status,
    ).toBe(200);
    const spare = (await call(manager, "POST", "/pipelines", { name: "Spare", copyFromPipelineId: t.pipeline.id })).body;
    await call(manager, "POST", `/pipelines/${spare.id}/delete`);

    // Settings: the override window and the intake form.
    await call(manager, "PUT", "/override-window", { overrideMaxDays: 45 });
    await call(marketing, "PUT", "/intake-form", {
      enabled: true,
      title: "Talk to us",
      intro: null,
      fields: ["region"],
      questions: defaultIntakeQuestions(FRAMEWORKS.meddpicc),
      routing: { mode: "round_robin" },
      duplicateWindowDays: 30,
    });

    // Imports: uploaded, planned and confirmed through the API, as the app does it.
    const csvFile = "Full name,Work email,Company,Employees\nAna Buyer,ana@csv.test,Csv Co,300\n";
    const job = (await call(marketing, "POST", "/imports?kind=leads&fileName=leads.csv", csvFile, { "content-type": "text/csv" })).body as {
      id: string;
      status: string;
    };
    expect(job.status).toBe("uploaded");
    expect((await call(rep, "POST", "/imports?kind=leads", csvFile, { "content-type": "text/csv" })).status).toBe(403);
    expect((await call(marketing, "POST", "/imports?kind=leads", "x".repeat(MAX_IMPORT_BYTES + 1), { "content-type": "text/csv" })).status).toBe(413);
    expect((await call(marketing, "POST", "/imports?kind=deals", csvFile, { "content-type": "text/csv" })).status).toBe(422);
    const uploaded = (await call(marketing, "GET", `/imports/${job.id}`)).body;
    await call(marketing, "POST", `/imports/${job.id}/plan`, { mapping: { name: 0, email: 1, companyName: 2, employeeCount: 3 } });
    await runImport(db(), job.id);
    await call(marketing, "POST", `/imports/${job.id}/confirmation`);
    expect(uploaded.headers).toEqual(["Full name", "Work email", "Company", "Employees"]);

    // Admins: a colleague's lifecycle, and a contact's erasure.
    await call(admin, "POST", `/users/${user.id}/deactivation`);
    await call(admin, "POST", `/users/${user.id}/reactivation`);
    await call(admin, "POST", `/users/${user.id}/reset-links`);
    const erasable = await createContactFor(t.rep, account.id, "Erin Erase");
    await call(manager, "POST", `/contacts/${erasable.id}/erasure`, { reason: "Erasure request by email", confirm: "ERASE" });
    await call(admin, "POST", `/contacts/${erasable.id}/erasure`, { reason: "Erasure request by email", confirm: "ERASE" });

    // Every operation was exercised, and the refusals above were among the documented problems.
    expect([...covered.keys()].sort()).toEqual(OPERATIONS.map((o) => o.operationId).sort());
    expect(covered.get("updateOpportunity")).toEqual(new Set([200, 409]));
    expect(covered.get("changeStage")).toEqual(new Set([201, 422]));
    expect(covered.get("createIcpVersion")).toEqual(new Set([201, 409]));
    expect(covered.get("createLead")).toEqual(new Set([201]));
    expect(covered.get("listLeads")).toEqual(new Set([200, 422]));
    expect(covered.get("convertLead")).toEqual(new Set([201, 409]));
    expect(covered.get("reviewEvidence")).toEqual(new Set([200, 403]));
    expect(covered.get("eraseContact")).toEqual(new Set([200, 403]));
    for (const id of [
      "nurtureLead",
      "resumeLead",
      "disqualifyLead",
      "nurtureOpportunity",
      "resumeOpportunity",
      "saveOverrideWindow",
      "saveIntakeForm",
      "getImport",
      "deactivateUser",
      "reactivateUser",
    ]) {
      expect(covered.get(id), id).toEqual(new Set([200]));
    }
    expect(covered.get("createRecap")).toEqual(new Set([201]));
    expect(covered.get("revokeRecap")).toEqual(new Set([200, 404]));
    expect(covered.get("planImport")).toEqual(new Set([202]));
    expect(covered.get("confirmImport")).toEqual(new Set([202]));
    expect(covered.get("issueResetLink")).toEqual(new Set([201]));
    expect(covered.get("bulkDisqualifyLeads")).toEqual(new Set([409]));
    expect(covered.get("deleteView")).toEqual(new Set([200, 404]));
  });
});

afterAll(async () => {
  await db().webhookEndpoint.deleteMany({ where: { organizationId: t.org.id } });
});
