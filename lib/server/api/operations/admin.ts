import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { listIcpVersions } from "../../icp/queries";
import { getQualificationSetup } from "../../settings/queries";
import { listPipelinesWithDeals } from "../../pipeline/pipelines";
import { inOrg } from "../../scope";
import { keyset, pageOf, pageParams } from "../cursor";
import { parseQuery, requirePermission, writeHandler, type Operation } from "../operation";
import { auditEventResource, icpVersionResource, listOf } from "../resources";

const auditQuery = z.object({
  ...pageParams,
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  apiKeyId: z.string().max(64).optional(),
});

const icpVersionJson = (v: Awaited<ReturnType<typeof listIcpVersions>>[number]) => ({ ...v, createdAt: v.createdAt.toISOString() });

const pipelineStageResource = z.looseObject({ id: z.string(), label: z.string(), probability: z.number(), kind: z.string() });
/** A settings change re-scores every open deal in the background; this names that run. */
const settingsSaved = z.object({
  stages: z.array(pipelineStageResource),
  progressId: z.string().describe("The background re-score this change started."),
});

/**
 * The qualification setup as the settings screen reads it, in the shape the settings writes take: stage
 * probabilities in percent, gates as stored, and `version`, the expectedVersion the next save must carry.
 */
const qualificationSetupResource = z.object({
  pipelineId: z.string().describe("The pipeline this setup belongs to; each pipeline has its own framework, stages, gates and version."),
  version: z.int().describe("Send as expectedVersion with the next framework or stage save; a save from an older version is a CONFLICT."),
  framework: z.object({
    key: z.string(),
    name: z.string(),
    criteria: z.array(
      z.looseObject({ id: z.string(), label: z.string(), weight: z.number(), knockout: z.boolean(), freshnessDays: z.number().nullable() }),
    ),
  }),
  stages: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      probability: z.int().describe("Percent, 0–100."),
      kind: z.enum(["open", "won", "lost"]),
      exit: z.array(z.looseObject({ kind: z.string() })),
    }),
  ),
  pipelineIsDefault: z.boolean().describe("True while the framework's default pipeline applies (nothing saved yet)."),
  overrideMaxDays: z.int(),
  archivedCriteria: z.array(z.string()).describe("Criteria earlier versions of a custom framework had; no longer scored."),
  dealsByStage: z.record(z.string(), z.int()).describe("Deals (any status) per stage id: where a removed stage's deals would need a destination."),
});

const setupQuery = z.object({
  pipelineId: z.string().min(1).max(64).optional().describe("Which pipeline; the first (default) pipeline when absent."),
});

async function qualificationSetup(
  user: Parameters<typeof getQualificationSetup>[0],
  pipelineId: string | null,
): Promise<z.infer<typeof qualificationSetupResource>> {
  const setup = await getQualificationSetup(user, pipelineId);
  return {
    pipelineId: setup.pipelineId,
    version: setup.version,
    framework: { key: setup.framework.key, name: setup.framework.name, criteria: setup.framework.criteria.map((c) => ({ ...c })) },
    stages: setup.pipeline.stages.map((s) => ({
      id: s.id,
      label: s.label,
      probability: Math.round(s.probability * 100),
      kind: s.kind,
      exit: s.exit,
    })),
    pipelineIsDefault: setup.pipelineIsDefault,
    overrideMaxDays: setup.overrideMaxDays,
    archivedCriteria: setup.archived.map((c) => c.id),
    dealsByStage: setup.dealsByStage,
  };
}

const pipelineResource = z.object({ id: z.string(), name: z.string(), position: z.int(), frameworkKey: z.string(), deals: z.int() });

export const adminOperations: Operation[] = [
  {
    operationId: "getQualificationSetup",
    method: "GET",
    path: "/settings/qualification",
    tag: "Settings",
    status: 200,
    response: qualificationSetupResource,
    query: setupQuery,
    summary: "A pipeline's framework, stages, gates and settings version (the expectedVersion of its next framework or stage save)",
    handle: async (ctx) => ({ status: 200, body: await qualificationSetup(ctx.user, parseQuery(setupQuery, ctx.query).pipelineId ?? null) }),
  },

  {
    operationId: "listPipelines",
    method: "GET",
    path: "/pipelines",
    tag: "Settings",
    summary: "The organization's pipelines in order (the first is the default for new deals)",
    status: 200,
    response: z.object({ data: z.array(pipelineResource) }),
    handle: async (ctx) => ({ status: 200, body: { data: await listPipelinesWithDeals(db(), ctx.user.organizationId) } }),
  },
  {
    operationId: "createPipeline",
    method: "POST",
    path: "/pipelines",
    tag: "Settings",
    status: 201,
    headers: ["Idempotency-Key"],
    summary: "Add a pipeline from a framework template or a copy of another pipeline (managers, admins)",
    useCase: "pipeline.create",
    response: z.object({ id: z.string(), name: z.string(), position: z.int() }),
    handle: async (ctx) => ({ ...(await writeHandler("pipeline.create", { respond: (_c, r) => Promise.resolve(r) })(ctx)), status: 201 }),
  },
  {
    operationId: "renamePipeline",
    method: "PATCH",
    path: "/pipelines/{id}",
    tag: "Settings",
    status: 200,
    summary: "Rename a pipeline",
    useCase: "pipeline.rename",
    pathInput: { id: "pipelineId" },
    response: z.object({ id: z.string(), name: z.string() }),
    handle: writeHandler("pipeline.rename", { pathInput: { id: "pipelineId" }, respond: (_c, r) => Promise.resolve(r) }),
  },
  {
    operationId: "reorderPipelines",
    method: "PUT",
    path: "/pipelines/order",
    tag: "Settings",
    status: 200,
    summary: "Put the pipelines in a new order (every pipeline once)",
    useCase: "pipeline.reorder",
    response: z.object({ pipelineIds: z.array(z.string()) }),
    handle: writeHandler("pipeline.reorder", { respond: (_c, r) => Promise.resolve(r) }),
  },
  {
    operationId: "deletePipeline",
    method: "POST",
    path: "/pipelines/{id}/delete",
    tag: "Settings",
    status: 200,
    summary: "Delete an empty pipeline (409 while it has deals, or if it is the last one)",
    useCase: "pipeline.delete",
    pathInput: { id: "pipelineId" },
    response: z.object({ id: z.string() }),
    handle: writeHandler("pipeline.delete", { pathInput: { id: "pipelineId" }, respond: (_c, r) => Promise.resolve(r) }),
  },
  {
    operationId: "listIcpVersions",
    method: "GET",
    path: "/icp-versions",
    tag: "ICP",
    summary: "ICP versions, newest (current) first",
    status: 200,
    response: z.object({ data: z.array(icpVersionResource) }),
    handle: async (ctx) => ({ status: 200, body: { data: (await listIcpVersions(ctx.user)).map(icpVersionJson) } }),
  },
  {
    operationId: "createIcpVersion",
    method: "POST",
    path: "/icp-versions",
    tag: "ICP",
    status: 201,
    headers: ["Idempotency-Key"],
    summary: "Save a new ICP version (marketing, admins); basedOnVersion must be the current version",
    useCase: "icp.create-version",
    response: icpVersionResource,
    handle: async (ctx) => {
      const result = await writeHandler("icp.create-version", {
        respond: async (c, r) => icpVersionJson((await listIcpVersions(c.user)).find((v) => v.id === r.id)!),
      })(ctx);
      return { ...result, status: 201 };
    },
  },
  {
    operationId: "previewIcp",
    method: "POST",
    path: "/icp-versions/preview",
    tag: "ICP",
    status: 200,
    summary: "How the organization's accounts would fit a draft ICP (nothing is saved)",
    useCase: "icp.preview",
    response: z.looseObject({ icpVersion: z.int(), scanned: z.int() }),
    handle: writeHandler("icp.preview", { respond: (_c, r) => Promise.resolve(r) }),
  },
  {
    operationId: "savePipeline",
    method: "PUT",
    path: "/pipeline",
    tag: "Settings",
    status: 200,
    summary: "Save stage labels, probabilities and exit gates (managers, admins)",
    useCase: "pipeline.save",
    response: settingsSaved,
    handle: writeHandler("pipeline.save", { respond: (_c, r) => Promise.resolve(r) }),
  },
  {
    operationId: "changeFramework",
    method: "PUT",
    path: "/framework",
    tag: "Settings",
    status: 200,
    summary: "Switch the qualification framework (gates reset to its defaults)",
    useCase: "framework.change",
    response: settingsSaved,
    handle: writeHandler("framework.change", { respond: (_c, r) => Promise.resolve(r) }),
  },
  {
    operationId: "saveCustomFramework",
    method: "PUT",
    path: "/framework/custom",
    tag: "Settings",
    status: 200,
    summary: "Save a custom framework (versioned: expectedVersion is the qualification version it was edited from; removed criteria are archived)",
    useCase: "framework.save-custom",
    response: z.object({
      version: z.int(),
      progressId: z.string(),
      archived: z.array(z.string()),
      droppedGates: z.array(z.object({ stageId: z.string(), criterionId: z.string() })),
    }),
    handle: writeHandler("framework.save-custom", {
      respond: (_c, r) => Promise.resolve({ version: r.version, progressId: r.progressId, archived: r.archived, droppedGates: r.droppedGates }),
    }),
  },
  {
    operationId: "editStages",
    method: "PUT",
    path: "/stages",
    tag: "Settings",
    status: 200,
    summary:
      "Add, rename, reorder or remove stages (deals of removed stages go to `destinations`; a deal an edit would carry past a gate it has not passed is held at that gate)",
    useCase: "stages.edit",
    response: z.object({
      version: z.int(),
      progressId: z.string(),
      stages: z.int(),
      moved: z.int(),
      held: z.array(z.object({ opportunityId: z.string(), stageId: z.string(), wanted: z.string() })),
    }),
    handle: writeHandler("stages.edit", {
      respond: (_c, r) =>
        Promise.resolve({
          version: r.version,
          progressId: r.progressId,
          stages: r.stages,
          moved: r.moved,
          held: r.held.map((h) => ({ opportunityId: h.opportunityId, stageId: h.stageId, wanted: h.wanted })),
        }),
    }),
  },
  {
    operationId: "saveOverrideWindow",
    method: "PUT",
    path: "/override-window",
    tag: "Settings",
    status: 200,
    summary: "The longest a manager's gate override may last, in days",
    useCase: "override-window.save",
    response: z.object({ overrideMaxDays: z.int() }),
    handle: writeHandler("override-window.save", { respond: (_c, r) => Promise.resolve({ overrideMaxDays: r.overrideMaxDays }) }),
  },
  {
    operationId: "saveIntakeForm",
    method: "PUT",
    path: "/intake-form",
    tag: "Settings",
    status: 200,
    summary: "The public intake form: fields, qualifying questions, routing and duplicate window (marketing, admins)",
    useCase: "intake-form.save",
    response: z.object({ enabled: z.boolean(), title: z.string(), updatedAt: z.iso.datetime({ offset: true }) }),
    handle: writeHandler("intake-form.save", {
      respond: (_c, r) => Promise.resolve({ enabled: r.enabled, title: r.title, updatedAt: r.updatedAt.toISOString() }),
    }),
  },
  {
    operationId: "createUser",
    method: "POST",
    path: "/users",
    tag: "Users",
    status: 201,
    headers: ["Idempotency-Key"],
    summary: "Add a colleague with an initial password (admins)",
    useCase: "user.create",
    response: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() }),
    handle: async (ctx) => ({
      ...(await writeHandler("user.create", { respond: (_c, r) => Promise.resolve({ id: r.id, email: r.email, name: r.name, role: r.role }) })(ctx)),
      status: 201,
    }),
  },
  {
    operationId: "changeUserRole",
    method: "PUT",
    path: "/users/{id}/role",
    tag: "Users",
    status: 200,
    summary: "Change a colleague's role (admins)",
    useCase: "user.change-role",
    pathInput: { id: "userId" },
    response: z.object({ id: z.string(), role: z.string() }),
    handle: writeHandler("user.change-role", { pathInput: { id: "userId" }, respond: (_c, r) => Promise.resolve(r) }),
  },
  {
    operationId: "deactivateUser",
    method: "POST",
    path: "/users/{id}/deactivation",
    tag: "Users",
    status: 200,
    summary: "Deactivate a colleague (admins): sign-in, sessions and their API keys stop; records stay",
    useCase: "user.deactivate",
    pathInput: { id: "userId" },
    response: z.object({ id: z.string() }),
    handle: writeHandler("user.deactivate", { pathInput: { id: "userId" }, respond: (_c, r) => Promise.resolve({ id: r.id }) }),
  },
  {
    operationId: "reactivateUser",
    method: "POST",
    path: "/users/{id}/reactivation",
    tag: "Users",
    status: 200,
    summary: "Reactivate a deactivated colleague (admins)",
    useCase: "user.reactivate",
    pathInput: { id: "userId" },
    response: z.object({ id: z.string() }),
    handle: writeHandler("user.reactivate", { pathInput: { id: "userId" }, respond: (_c, r) => Promise.resolve({ id: r.id }) }),
  },
  {
    operationId: "issueResetLink",
    method: "POST",
    path: "/users/{id}/reset-links",
    tag: "Users",
    status: 201,
    summary: "A one-time password reset link for a colleague (admins); emailed when mail is set up, otherwise returned once",
    useCase: "user.issue-reset-link",
    pathInput: { id: "userId" },
    response: z.object({ id: z.string(), emailed: z.boolean(), link: z.string().nullable() }),
    handle: async (ctx) => ({
      ...(await writeHandler("user.issue-reset-link", { pathInput: { id: "userId" }, respond: (_c, r) => Promise.resolve(r) })(ctx)),
      status: 201,
    }),
  },
  {
    operationId: "listAuditEvents",
    method: "GET",
    path: "/audit-events",
    tag: "Audit",
    status: 200,
    permission: "audit.read",
    query: auditQuery,
    summary: "Every change, newest first, naming the user and the API key it came through (admins)",
    response: listOf(auditEventResource),
    handle: async (ctx) => {
      requirePermission(ctx.user, "audit.read");
      const q = parseQuery(auditQuery, ctx.query);
      const page = keyset({ sort: "at", dir: "desc", cursor: q.cursor, dateColumns: ["at"] });
      const rows = await db().auditEvent.findMany({
        where: inOrg(ctx.user, {
          AND: [
            page.where,
            q.entityType ? { entityType: q.entityType } : {},
            q.entityId ? { entityId: q.entityId } : {},
            q.actorId ? { actorId: q.actorId } : {},
            q.apiKeyId ? { apiKeyId: q.apiKeyId } : {},
          ],
        }),
        orderBy: page.orderBy,
        take: q.limit + 1,
      });
      return {
        status: 200,
        body: pageOf(rows, q.limit, "at", (r) => ({
          id: r.id,
          actorId: r.actorId,
          apiKeyId: r.apiKeyId,
          entityType: r.entityType,
          entityId: r.entityId,
          action: r.action,
          before: r.before,
          after: r.after,
          reason: r.reason,
          at: r.at.toISOString(),
        })),
      };
    },
  },
];
