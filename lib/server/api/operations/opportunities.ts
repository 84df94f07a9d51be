import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { notFound } from "../../errors";
import { inOrg } from "../../scope";
import type { SessionUser } from "../../session";
import { keyset, pageOf, pageParams } from "../cursor";
import { parseQuery, writeHandler, type ApiContext, type Operation } from "../operation";
import { bulkReportResource, listOf, opportunityResource, stageChangeResultResource, toOpportunity } from "../resources";

const insensitive = "insensitive" as const;

const opportunityListQuery = z.object({
  ...pageParams,
  q: z.string().trim().max(100).optional().describe("Matches the deal or its account name."),
  stage: z.string().max(64).optional(),
  status: z.enum(["open", "won", "lost", "all"]).default("open"),
  ownerId: z.string().max(64).optional(),
  pipelineId: z.string().max(64).optional().describe("One pipeline's deals (GET /pipelines); another organization's pipeline matches none."),
  accountId: z.string().max(64).optional(),
  sort: z.enum(["name", "amount", "createdAt", "updatedAt"]).default("updatedAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});

export async function loadOpportunity(user: SessionUser, id: string) {
  const row = await db().opportunity.findFirst({ where: inOrg(user, { id }) });
  if (!row) throw notFound("Opportunity");
  return row;
}

const etag = (version: number) => `"${version}"`;

async function currentVersion(ctx: ApiContext): Promise<number | null> {
  const row = await db().opportunity.findFirst({ where: inOrg(ctx.user, { id: ctx.params.id ?? "" }), select: { version: true } });
  return row?.version ?? null;
}

async function opportunityBody(user: SessionUser, id: string) {
  const row = await loadOpportunity(user, id);
  return { body: toOpportunity(row), headers: { etag: etag(row.version) } };
}

export const opportunityOperations: Operation[] = [
  {
    operationId: "listOpportunities",
    method: "GET",
    path: "/opportunities",
    tag: "Opportunities",
    summary: "List opportunities",
    status: 200,
    query: opportunityListQuery,
    response: listOf(opportunityResource),
    handle: async (ctx) => {
      const q = parseQuery(opportunityListQuery, ctx.query);
      const page = keyset({ sort: q.sort, dir: q.dir, cursor: q.cursor, dateColumns: ["createdAt", "updatedAt"] });
      const rows = await db().opportunity.findMany({
        where: inOrg(ctx.user, {
          AND: [
            page.where,
            q.q ? { OR: [{ name: { contains: q.q, mode: insensitive } }, { account: { name: { contains: q.q, mode: insensitive } } }] } : {},
            q.stage ? { stage: q.stage } : {},
            q.status !== "all" ? { status: q.status } : {},
            q.ownerId ? { ownerId: q.ownerId } : {},
            q.pipelineId ? { pipelineId: q.pipelineId } : {},
            q.accountId ? { accountId: q.accountId } : {},
          ],
        }),
        orderBy: page.orderBy,
        take: q.limit + 1,
      });
      return { status: 200, body: pageOf(rows, q.limit, q.sort, toOpportunity) };
    },
  },
  {
    operationId: "createOpportunity",
    method: "POST",
    path: "/opportunities",
    tag: "Opportunities",
    summary: "Create an opportunity (it starts in the first stage)",
    status: 201,
    useCase: "opportunity.create",
    response: opportunityResource,
    headers: ["Idempotency-Key"],
    handle: async (ctx) => {
      const result = await writeHandler("opportunity.create", { respond: async (c, r) => (await opportunityBody(c.user, r.id)).body })(ctx);
      return { ...result, status: 201 };
    },
  },
  {
    operationId: "getOpportunity",
    method: "GET",
    path: "/opportunities/{id}",
    tag: "Opportunities",
    summary: "Read an opportunity (ETag is its version)",
    status: 200,
    response: opportunityResource,
    handle: async (ctx) => ({ status: 200, ...(await opportunityBody(ctx.user, ctx.params.id ?? "")) }),
  },
  {
    operationId: "updateOpportunity",
    method: "PATCH",
    path: "/opportunities/{id}",
    tag: "Opportunities",
    summary: "Change an opportunity's fields (not its stage); needs its version in the body or If-Match",
    status: 200,
    useCase: "opportunity.update",
    pathInput: { id: "id" },
    response: opportunityResource,
    headers: ["If-Match"],
    currentVersion,
    handle: async (ctx) => {
      const row = await loadOpportunity(ctx.user, ctx.params.id ?? "");
      const current = {
        name: row.name,
        accountId: row.accountId,
        amount: Number(row.amount.toString()),
        currency: row.currency,
        expectedCloseDate: row.expectedCloseDate?.toISOString().slice(0, 10) ?? null,
        repConfidence: row.repConfidence,
      };
      const body = { ...current, ...(ctx.body as object) };
      const result = await writeHandler("opportunity.update", {
        pathInput: { id: "id" },
        versionFromIfMatch: true,
        respond: async (c, r) => opportunityBody(c.user, r.id),
      })({ ...ctx, body });
      const { body: resource, headers } = result.body as Awaited<ReturnType<typeof opportunityBody>>;
      return { status: 200, body: resource, headers };
    },
  },
  {
    operationId: "moveOpportunityPipeline",
    method: "POST",
    path: "/opportunities/{id}/pipeline",
    tag: "Opportunities",
    status: 200,
    summary:
      "Move a deal to another pipeline, into one of its open stages (managers): the gates before that stage are checked as a stage move, or overridden with a reason and expiry",
    useCase: "opportunity.move-pipeline",
    pathInput: { id: "opportunityId" },
    response: opportunityResource,
    handle: writeHandler("opportunity.move-pipeline", {
      pathInput: { id: "opportunityId" },
      respond: async (c, r) => toOpportunity(await loadOpportunity(c.user, r.id)),
    }),
  },
  {
    operationId: "setNextStep",
    method: "PUT",
    path: "/opportunities/{id}/next-step",
    tag: "Opportunities",
    status: 200,
    summary: "Set the deal's next step and the day it is due",
    useCase: "opportunity.set-next-step",
    pathInput: { id: "opportunityId" },
    response: opportunityResource,
    handle: writeHandler("opportunity.set-next-step", {
      pathInput: { id: "opportunityId" },
      respond: async (c, r) => toOpportunity(await loadOpportunity(c.user, r.id)),
    }),
  },
  {
    operationId: "completeNextStep",
    method: "POST",
    path: "/opportunities/{id}/next-step/completion",
    tag: "Opportunities",
    status: 200,
    summary: "Mark the deal's next step done",
    useCase: "opportunity.complete-next-step",
    pathInput: { id: "opportunityId" },
    response: opportunityResource,
    handle: writeHandler("opportunity.complete-next-step", {
      pathInput: { id: "opportunityId" },
      respond: async (c, r) => toOpportunity(await loadOpportunity(c.user, r.id)),
    }),
  },
  {
    operationId: "bulkReassignOpportunities",
    method: "POST",
    path: "/bulk/opportunities/reassignment",
    tag: "Opportunities",
    status: 200,
    summary: "Hand up to 100 deals to another owner in one transaction; deals you may not change are reported, not changed",
    useCase: "opportunity.bulk-reassign",
    response: bulkReportResource,
    handle: writeHandler("opportunity.bulk-reassign", { respond: (_c, r) => Promise.resolve(r) }),
  },
  {
    operationId: "bulkNurtureOpportunities",
    method: "POST",
    path: "/bulk/opportunities/nurture",
    tag: "Opportunities",
    status: 200,
    summary: "Park up to 100 deals until resumeOn, for one reason; deals you may not change are reported, not changed",
    useCase: "opportunity.bulk-nurture",
    response: bulkReportResource,
    handle: writeHandler("opportunity.bulk-nurture", { respond: (_c, r) => Promise.resolve(r) }),
  },
  {
    operationId: "nurtureOpportunity",
    method: "POST",
    path: "/opportunities/{id}/nurture",
    tag: "Opportunities",
    status: 200,
    summary: "Not yet: park the deal until resumeOn, with what to watch for",
    useCase: "opportunity.nurture",
    pathInput: { id: "opportunityId" },
    response: opportunityResource,
    handle: writeHandler("opportunity.nurture", {
      pathInput: { id: "opportunityId" },
      respond: async (c, r) => toOpportunity(await loadOpportunity(c.user, r.id)),
    }),
  },
  {
    operationId: "resumeOpportunity",
    method: "POST",
    path: "/opportunities/{id}/resumption",
    tag: "Opportunities",
    status: 200,
    summary: "Take a parked deal off nurture",
    useCase: "opportunity.resume",
    pathInput: { id: "id" },
    response: opportunityResource,
    handle: writeHandler("opportunity.resume", {
      pathInput: { id: "id" },
      respond: async (c, r) => toOpportunity(await loadOpportunity(c.user, r.id)),
    }),
  },
  {
    operationId: "changeStage",
    method: "POST",
    path: "/opportunities/{id}/stage-changes",
    tag: "Opportunities",
    summary: "Move a deal to another stage through its gates (422 GATE_BLOCKED lists the blockers; managers may override with a reason and expiry)",
    status: 201,
    useCase: "opportunity.advance",
    pathInput: { id: "opportunityId" },
    response: stageChangeResultResource,
    headers: ["If-Match", "Idempotency-Key"],
    currentVersion,
    handle: async (ctx) => {
      const result = await writeHandler("opportunity.advance", {
        pathInput: { id: "opportunityId" },
        versionFromIfMatch: true,
        respond: (_c, r) => Promise.resolve({ ...r, opportunity: toOpportunity(r.opportunity) }),
      })(ctx);
      return { ...result, status: 201 };
    },
  },
];
