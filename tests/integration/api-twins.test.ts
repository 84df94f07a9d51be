import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createAccountAction } from "../../lib/actions/accounts/create-account";
import { updateAccountAction } from "../../lib/actions/accounts/update-account";
import { createContactAction } from "../../lib/actions/contacts/create-contact";
import { updateContactAction } from "../../lib/actions/contacts/update-contact";
import { createIcpVersionAction } from "../../lib/actions/icp/create-icp-version";
import { previewIcpAction } from "../../lib/actions/icp/preview-icp";
import { createApiKeyAction } from "../../lib/actions/integrations/create-api-key";
import { createWebhookAction } from "../../lib/actions/integrations/create-webhook";
import { redeliverWebhookAction } from "../../lib/actions/integrations/redeliver-webhook";
import { revokeApiKeyAction } from "../../lib/actions/integrations/revoke-api-key";
import { updateWebhookAction } from "../../lib/actions/integrations/update-webhook";
import { logNoteAction } from "../../lib/actions/notes/log-note";
import { advanceStageAction } from "../../lib/actions/opportunities/advance-stage";
import { createOpportunityAction } from "../../lib/actions/opportunities/create-opportunity";
import { updateOpportunityAction } from "../../lib/actions/opportunities/update-opportunity";
import { addStakeholderAction } from "../../lib/actions/qualification/add-stakeholder";
import { updateCriterionAction } from "../../lib/actions/qualification/update-criterion";
import { updateStakeholderAction } from "../../lib/actions/qualification/update-stakeholder";
import { changeFrameworkAction } from "../../lib/actions/settings/change-framework";
import { savePipelineAction } from "../../lib/actions/settings/save-pipeline";
import { changeRoleAction } from "../../lib/actions/users/change-role";
import { createUserAction } from "../../lib/actions/users/create-user";
import { FRAMEWORKS, pipelineFor } from "../../lib/qualification";
import { OPERATIONS } from "../../lib/server/api/operations";
import { db } from "../../lib/server/db";
import type { SessionUser } from "../../lib/server/session";
import { USE_CASE_NAMES, type UseCaseName } from "../../lib/server/use-cases";
import { api, keyFor } from "../fixtures/api";
import { createAccountFor, createContactFor, createOpportunityFor, createTenant, type Tenant } from "../fixtures/tenants";
import { actAs } from "./setup";

type Input = Record<string, unknown>;
type AnyAction = (input: never) => Promise<{ data?: unknown; serverError?: { code: string }; validationErrors?: unknown } | undefined>;

interface Twin {
  action: AnyAction;
  allowed: (t: Tenant) => SessionUser;
  refused: (t: Tenant) => SessionUser;
  /** Fresh records per call: each door gets its own, so both start from the same state. */
  input: (t: Tenant) => Promise<Input>;
}

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const rule = { id: "industry", label: "Industry", kind: "industry_in", industries: ["SaaS"], weight: 10, knockout: false };
const ownDeal = async (t: Tenant, stage = "negotiation") => createOpportunityFor(t.rep, (await createAccountFor(t.rep)).id, { stage });
const latestIcp = async (t: Tenant) => (await db().icpVersion.findFirst({ where: { organizationId: t.org.id }, orderBy: { version: "desc" } }))?.version ?? 0;

const TWINS: Record<UseCaseName, Twin> = {
  "account.create": { action: createAccountAction, allowed: (t) => t.rep, refused: (t) => t.marketing, input: () => Promise.resolve({ name: `Twin ${unique()}` }) },
  "account.update": { action: updateAccountAction, allowed: (t) => t.rep, refused: (t) => t.otherRep, input: async (t) => ({ id: (await createAccountFor(t.rep)).id, name: "Renamed" }) },
  "contact.create": { action: createContactAction, allowed: (t) => t.rep, refused: (t) => t.marketing, input: async (t) => ({ accountId: (await createAccountFor(t.rep)).id, name: "Dana" }) },
  "contact.update": {
    action: updateContactAction, allowed: (t) => t.rep, refused: (t) => t.marketing,
    input: async (t) => { const a = await createAccountFor(t.rep); return { id: (await createContactFor(t.rep, a.id)).id, accountId: a.id, name: "Dana B" }; },
  },
  "opportunity.create": { action: createOpportunityAction, allowed: (t) => t.rep, refused: (t) => t.marketing, input: async (t) => ({ name: "New deal", accountId: (await createAccountFor(t.rep)).id, amount: 1000 }) },
  "opportunity.update": {
    action: updateOpportunityAction, allowed: (t) => t.rep, refused: (t) => t.otherRep,
    input: async (t) => { const d = await ownDeal(t); return { id: d.id, version: 1, name: "Renamed", accountId: d.accountId, amount: 5 }; },
  },
  "opportunity.advance": { action: advanceStageAction, allowed: (t) => t.rep, refused: (t) => t.otherRep, input: async (t) => ({ opportunityId: (await ownDeal(t)).id, toStage: "discovery", version: 1 }) },
  "note.log": { action: logNoteAction, allowed: (t) => t.rep, refused: (t) => t.marketing, input: async (t) => ({ opportunityId: (await ownDeal(t)).id, body: "Called them." }) },
  "criterion.update": { action: updateCriterionAction, allowed: (t) => t.rep, refused: (t) => t.otherRep, input: async (t) => ({ opportunityId: (await ownDeal(t)).id, criterionId: "metrics", op: "reset" }) },
  "stakeholder.add": {
    action: addStakeholderAction, allowed: (t) => t.rep, refused: (t) => t.otherRep,
    input: async (t) => { const d = await ownDeal(t); return { opportunityId: d.id, contactId: (await createContactFor(t.rep, d.accountId)).id, role: "champion" }; },
  },
  "stakeholder.update": {
    action: updateStakeholderAction, allowed: (t) => t.rep, refused: (t) => t.otherRep,
    input: async (t) => {
      const d = await ownDeal(t);
      const c = await createContactFor(t.rep, d.accountId);
      const s = await db().stakeholder.create({ data: { organizationId: t.org.id, opportunityId: d.id, contactId: c.id, role: "champion", addedById: t.rep.id } });
      return { stakeholderId: s.id, op: "engaged" };
    },
  },
  "icp.create-version": { action: createIcpVersionAction, allowed: (t) => t.marketing, refused: (t) => t.rep, input: async (t) => ({ rules: [rule], pursueThreshold: 60, basedOnVersion: await latestIcp(t) }) },
  "icp.preview": { action: previewIcpAction, allowed: (t) => t.marketing, refused: (t) => t.rep, input: () => Promise.resolve({ rules: [rule], pursueThreshold: 60 }) },
  "pipeline.save": {
    action: savePipelineAction, allowed: (t) => t.manager, refused: (t) => t.rep,
    input: () => Promise.resolve({ stages: pipelineFor(FRAMEWORKS.meddpicc).stages.map((s) => ({ id: s.id, label: s.label, probability: Math.round(s.probability * 100), exit: s.exit })) }),
  },
  "framework.change": { action: changeFrameworkAction, allowed: (t) => t.manager, refused: (t) => t.rep, input: () => Promise.resolve({ frameworkKey: "bant", confirmReset: true }) },
  "user.create": { action: createUserAction, allowed: (t) => t.admin, refused: (t) => t.manager, input: () => Promise.resolve({ name: "New Person", email: `new-${unique()}@test.local`, role: "rep", password: "a-long-password" }) },
  "user.change-role": { action: changeRoleAction, allowed: (t) => t.admin, refused: (t) => t.manager, input: (t) => Promise.resolve({ userId: t.otherRep.id, role: "manager" }) },
  "api-key.create": { action: createApiKeyAction, allowed: (t) => t.admin, refused: (t) => t.manager, input: () => Promise.resolve({ name: "Zapier", actAs: "role", role: "rep" }) },
  "api-key.revoke": {
    action: revokeApiKeyAction, allowed: (t) => t.admin, refused: (t) => t.manager,
    input: async (t) => { await keyFor(t.admin, t.rep); const k = await db().apiKey.findFirstOrThrow({ where: { organizationId: t.org.id, revokedAt: null, userId: t.rep.id } }); return { keyId: k.id }; },
  },
  "webhook.create": { action: createWebhookAction, allowed: (t) => t.admin, refused: (t) => t.manager, input: () => Promise.resolve({ url: "http://127.0.0.1:9/hook", events: ["criterion.changed"] }) },
  "webhook.update": {
    action: updateWebhookAction, allowed: (t) => t.admin, refused: (t) => t.manager,
    input: async (t) => ({ endpointId: (await db().webhookEndpoint.create({ data: { organizationId: t.org.id, url: "http://127.0.0.1:9/x", events: ["criterion.changed"], secret: "s", createdById: t.admin.id } })).id, op: "disable" }),
  },
  "webhook.redeliver": {
    action: redeliverWebhookAction, allowed: (t) => t.admin, refused: (t) => t.manager,
    input: async (t) => {
      const endpoint = await db().webhookEndpoint.create({ data: { organizationId: t.org.id, url: "http://127.0.0.1:9/x", events: ["criterion.changed"], secret: "s", createdById: t.admin.id } });
      const event = await db().webhookEvent.create({ data: { organizationId: t.org.id, type: "criterion.changed", payload: {} } });
      const delivery = await db().webhookDelivery.create({ data: { organizationId: t.org.id, endpointId: endpoint.id, eventId: event.id, status: "failed" } });
      return { deliveryId: delivery.id };
    },
  },
};

/** The action door: outcome "ok" or the error code. */
async function viaAction(twin: Twin, user: SessionUser, input: Input): Promise<string> {
  actAs(user);
  const result = await twin.action(input as never);
  actAs(null);
  if (result?.validationErrors) return "INVALID";
  return result?.serverError?.code ?? (result?.data !== undefined ? "ok" : "no result");
}

/** The API door: the operation whose adapter runs this use case, with path fields moved into the path. */
async function viaApi(name: UseCaseName, t: Tenant, user: SessionUser, input: Input): Promise<string> {
  const op = OPERATIONS.find((o) => o.useCase === name)!;
  const body = { ...input };
  let route = op.path;
  for (const [param, field] of Object.entries(op.pathInput ?? {})) {
    route = route.replace(`{${param}}`, encodeURIComponent(String(body[field])));
    delete body[field];
  }
  const res = await api(await keyFor(t.admin, user), op.method, route, { body });
  return res.status < 300 ? "ok" : String(res.body.code);
}

let t: Tenant;
beforeAll(async () => {
  t = await createTenant("Twins");
});

describe("every action has an API twin that behaves the same", () => {
  it("every action file runs a registered use case, and every use case has an action, an endpoint and a twin case here", () => {
    const root = path.resolve(import.meta.dirname, "../../lib/actions");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const named = files.map((f) => /metadata\(\{ useCase: "([^"]+)" \}\)/.exec(readFileSync(path.join(root, f), "utf8"))?.[1]);
    expect(named.every((name) => name !== undefined && (USE_CASE_NAMES as string[]).includes(name)), files.join(", ")).toBe(true);
    expect(new Set(named)).toEqual(new Set(USE_CASE_NAMES));
    for (const name of USE_CASE_NAMES) {
      expect(OPERATIONS.filter((o) => o.useCase === name), name).toHaveLength(1);
      expect(TWINS[name], name).toBeDefined();
    }
  });

  for (const name of USE_CASE_NAMES) {
    it(`${name}: allowed through both doors, refused through both doors`, async () => {
      const twin = TWINS[name];
      expect(await viaAction(twin, twin.allowed(t), await twin.input(t))).toBe("ok");
      expect(await viaApi(name, t, twin.allowed(t), await twin.input(t))).toBe("ok");
      expect(await viaAction(twin, twin.refused(t), await twin.input(t))).toBe("FORBIDDEN");
      expect(await viaApi(name, t, twin.refused(t), await twin.input(t))).toBe("FORBIDDEN");
    });
  }
});
