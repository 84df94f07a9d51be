import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { notFound } from "../../errors";
import { assess, loadForAssessment } from "../../qualification/assess";
import { loadQualificationSettings } from "../../qualification/settings";
import { inOrg } from "../../scope";
import type { SessionUser } from "../../session";
import { keyset, pageOf, pageParams } from "../cursor";
import { parseQuery, writeHandler, type Operation } from "../operation";
import {
  assessmentResource,
  criterionResource,
  listOf,
  noteResource,
  overrideResource,
  stageChangeResource,
  stakeholderResource,
  toEvidence,
  toOverride,
  toStageChange,
} from "../resources";
import { loadOpportunity } from "./opportunities";

const historyQuery = z.object({ ...pageParams });

async function note(user: SessionUser, id: string) {
  const row = await db().note.findFirst({ where: inOrg(user, { id }), include: { evidence: { orderBy: [{ capturedAt: "asc" }, { id: "asc" }] } } });
  if (!row) throw notFound("Note");
  return {
    id: row.id,
    opportunityId: row.opportunityId,
    accountId: row.accountId,
    authorId: row.authorId,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    evidence: row.evidence.map(toEvidence),
  };
}

async function criteria(user: SessionUser, opportunityId: string) {
  const opportunity = await loadOpportunity(user, opportunityId);
  const [{ framework }, states, evidence] = await Promise.all([
    loadQualificationSettings(db(), user.organizationId, opportunity.pipelineId),
    db().criterionState.findMany({ where: { opportunityId: opportunity.id } }),
    db().evidence.findMany({ where: { opportunityId: opportunity.id }, orderBy: [{ capturedAt: "asc" }, { id: "asc" }] }),
  ]);
  const stateOf = new Map(states.map((s) => [s.criterionId, s.state]));
  return framework.criteria.map((c) => ({
    criterionId: c.id,
    state: stateOf.get(c.id) ?? "unknown",
    evidence: evidence.filter((e) => e.criterionId === c.id).map(toEvidence),
  }));
}

async function committee(user: SessionUser, opportunityId: string) {
  const opportunity = await loadOpportunity(user, opportunityId);
  const rows = await db().stakeholder.findMany({
    where: { opportunityId: opportunity.id },
    orderBy: [{ addedAt: "asc" }, { id: "asc" }],
    include: { contact: { select: { name: true } } },
  });
  return rows.map((s) => ({
    id: s.id,
    contactId: s.contactId,
    contactName: s.contact.name,
    role: s.role,
    lastEngagedAt: s.lastEngagedAt?.toISOString() ?? null,
    championTested: s.championTested,
    addedAt: s.addedAt.toISOString(),
  }));
}

/** The engine's verdict on one deal, computed now from its stored inputs. */
async function assessment(user: SessionUser, opportunityId: string) {
  const row = await loadForAssessment(db(), user.organizationId, opportunityId);
  const settings = await loadQualificationSettings(db(), user.organizationId, row.pipelineId);
  const result = assess(row, settings, new Date());
  return { opportunityId: row.id, stage: row.stage, ...(JSON.parse(JSON.stringify(result)) as object) };
}

const id = (params: Record<string, string>) => params.id ?? "";

export const qualificationOperations: Operation[] = [
  {
    operationId: "createNote",
    method: "POST",
    path: "/notes",
    tag: "Notes",
    status: 201,
    useCase: "note.log",
    response: noteResource,
    headers: ["Idempotency-Key"],
    summary: "Log a note on an opportunity or account, optionally with evidence for criteria (the same evidence rules as the UI)",
    handle: async (ctx) => ({ ...(await writeHandler("note.log", { respond: (c, r) => note(c.user, r.id) })(ctx)), status: 201 }),
  },
  {
    operationId: "getNote",
    method: "GET",
    path: "/notes/{id}",
    tag: "Notes",
    summary: "Read a note with its evidence",
    status: 200,
    response: noteResource,
    handle: async (ctx) => ({ status: 200, body: await note(ctx.user, id(ctx.params)) }),
  },
  {
    operationId: "listCriteria",
    method: "GET",
    path: "/opportunities/{id}/criteria",
    tag: "Qualification",
    summary: "Each framework criterion's state and evidence",
    status: 200,
    response: z.object({ data: z.array(criterionResource) }),
    handle: async (ctx) => ({ status: 200, body: { data: await criteria(ctx.user, id(ctx.params)) } }),
  },
  {
    operationId: "updateCriterion",
    method: "POST",
    path: "/opportunities/{id}/criteria/{criterionId}",
    tag: "Qualification",
    status: 200,
    summary: "Verify a claimed criterion or reset it to unknown",
    useCase: "criterion.update",
    pathInput: { id: "opportunityId", criterionId: "criterionId" },
    response: z.object({ data: z.array(criterionResource) }),
    handle: writeHandler("criterion.update", {
      pathInput: { id: "opportunityId", criterionId: "criterionId" },
      respond: async (c, r) => ({ data: await criteria(c.user, r.id) }),
    }),
  },
  {
    operationId: "reviewEvidence",
    method: "POST",
    path: "/opportunities/{id}/criteria/{criterionId}/review",
    tag: "Qualification",
    status: 200,
    summary: "Managers: accept a self-attested verification, or challenge it with a reason (the criterion goes back to claimed)",
    useCase: "evidence.review",
    pathInput: { id: "opportunityId", criterionId: "criterionId" },
    response: z.object({ data: z.array(criterionResource) }),
    handle: writeHandler("evidence.review", {
      pathInput: { id: "opportunityId", criterionId: "criterionId" },
      respond: async (c, r) => ({ data: await criteria(c.user, r.id) }),
    }),
  },
  {
    operationId: "createRecap",
    method: "POST",
    path: "/opportunities/{id}/recaps",
    tag: "Qualification",
    status: 201,
    headers: ["Idempotency-Key"],
    summary:
      "Send a buyer contact a recap of the deal's criteria to confirm or correct (the link is returned once; its answers arrive as recap.responded)",
    useCase: "recap.create",
    pathInput: { id: "opportunityId" },
    response: z.object({ id: z.string(), link: z.string(), emailed: z.boolean(), mailError: z.string().nullable() }),
    handle: async (ctx) => ({
      ...(await writeHandler("recap.create", { pathInput: { id: "opportunityId" }, respond: (_c, r) => Promise.resolve(r) })(ctx)),
      status: 201,
    }),
  },
  {
    operationId: "revokeRecap",
    method: "POST",
    path: "/recaps/{id}/revocation",
    tag: "Qualification",
    status: 200,
    summary: "Revoke a recap link before the buyer answers",
    useCase: "recap.revoke",
    pathInput: { id: "recapId" },
    response: z.object({ id: z.string(), opportunityId: z.string() }),
    handle: writeHandler("recap.revoke", {
      pathInput: { id: "recapId" },
      respond: (_c, r) => Promise.resolve({ id: r.id, opportunityId: r.opportunityId }),
    }),
  },
  {
    operationId: "listStakeholders",
    method: "GET",
    path: "/opportunities/{id}/stakeholders",
    tag: "Qualification",
    summary: "The buying committee",
    status: 200,
    response: z.object({ data: z.array(stakeholderResource) }),
    handle: async (ctx) => ({ status: 200, body: { data: await committee(ctx.user, id(ctx.params)) } }),
  },
  {
    operationId: "addStakeholder",
    method: "POST",
    path: "/opportunities/{id}/stakeholders",
    tag: "Qualification",
    status: 201,
    headers: ["Idempotency-Key"],
    summary: "Add a contact to the buying committee in a role",
    useCase: "stakeholder.add",
    pathInput: { id: "opportunityId" },
    response: z.object({ data: z.array(stakeholderResource) }),
    handle: async (ctx) => ({
      ...(await writeHandler("stakeholder.add", {
        pathInput: { id: "opportunityId" },
        respond: async (c, r) => ({ data: await committee(c.user, r.id) }),
      })(ctx)),
      status: 201,
    }),
  },
  {
    operationId: "updateStakeholder",
    method: "POST",
    path: "/stakeholders/{id}",
    tag: "Qualification",
    status: 200,
    summary: "Mark engaged, champion tested/untested, or remove",
    useCase: "stakeholder.update",
    pathInput: { id: "stakeholderId" },
    response: z.object({ data: z.array(stakeholderResource) }),
    handle: writeHandler("stakeholder.update", {
      pathInput: { id: "stakeholderId" },
      respond: async (c, r) => ({ data: await committee(c.user, r.id) }),
    }),
  },
  {
    operationId: "getAssessment",
    method: "GET",
    path: "/opportunities/{id}/assessment",
    tag: "Qualification",
    status: 200,
    response: assessmentResource,
    summary: "Fit, intent, verdict, flags, next gate and next questions, computed by the engine",
    handle: async (ctx) => ({ status: 200, body: await assessment(ctx.user, id(ctx.params)) }),
  },
  {
    operationId: "listStageChanges",
    method: "GET",
    path: "/opportunities/{id}/stage-changes",
    tag: "Opportunities",
    status: 200,
    query: historyQuery,
    summary: "Stage history, newest first",
    response: listOf(stageChangeResource),
    handle: async (ctx) => {
      const q = parseQuery(historyQuery, ctx.query);
      const opportunity = await loadOpportunity(ctx.user, id(ctx.params));
      const page = keyset({ sort: "at", dir: "desc", cursor: q.cursor, dateColumns: ["at"] });
      const rows = await db().stageChange.findMany({
        where: { AND: [page.where, { opportunityId: opportunity.id }] },
        orderBy: page.orderBy,
        take: q.limit + 1,
      });
      return { status: 200, body: pageOf(rows, q.limit, "at", toStageChange) };
    },
  },
  {
    operationId: "listOverrides",
    method: "GET",
    path: "/opportunities/{id}/overrides",
    tag: "Opportunities",
    status: 200,
    summary: "Managers' gate overrides (create them with a stage change carrying overrideReason and overrideExpiresOn)",
    response: z.object({ data: z.array(overrideResource) }),
    handle: async (ctx) => {
      const opportunity = await loadOpportunity(ctx.user, id(ctx.params));
      const rows = await db().gateOverride.findMany({ where: { opportunityId: opportunity.id }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
      return { status: 200, body: { data: rows.map(toOverride) } };
    },
  },
];
