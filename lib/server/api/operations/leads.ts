import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { getImport } from "../../imports/imports";
import { getLead, LEAD_SOURCES, LEAD_STATUSES, LEAD_VERDICTS, leadListParams, leadWhere } from "../../leads/queries";
import type { SessionUser } from "../../session";
import { keyset, pageOf, pageParams } from "../cursor";
import { IMPORT_KINDS, MAX_IMPORT_BYTES } from "../../../validation/import";
import { executeUseCase } from "../../use-cases";
import { parseQuery, writeHandler, type Operation } from "../operation";
import { bulkReportResource, importResource, leadResource, listOf, toImport, toLead } from "../resources";

const uploadQuery = z.object({
  kind: z.enum(IMPORT_KINDS).describe("What the file holds: accounts, contacts or leads."),
  fileName: z.string().trim().min(1).max(200).default("upload.csv").describe("Shown in the app's import list."),
});

/** The inbox's own filters and sorts (status, verdict, source, owner, text; fit, intent, createdAt, companyName). */
const leadListQuery = z.object({
  ...pageParams,
  status: z.enum([...LEAD_STATUSES, "all"]).default("all"),
  verdict: z.enum(LEAD_VERDICTS).optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  owner: z.enum(["mine", "all"]).default("all").describe("Reps only ever see their own leads."),
  q: z.string().trim().max(100).optional().describe("Matches company, name or email."),
  sort: z.enum(["fit", "intent", "createdAt", "companyName"]).default("fit"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});

const lead = async (user: SessionUser, id: string) => toLead(await getLead(user, id));

const conversionResource = z.object({
  lead: leadResource,
  opportunityId: z.string(),
  accountId: z.string(),
  accountCreated: z.boolean(),
  contactId: z.string(),
  contactCreated: z.boolean(),
});

export const leadOperations: Operation[] = [
  {
    operationId: "listLeads",
    method: "GET",
    path: "/leads",
    tag: "Leads",
    summary: "List leads (the inbox's filters and sorts)",
    status: 200,
    query: leadListQuery,
    permission: "lead.view",
    response: listOf(leadResource),
    handle: async (ctx) => {
      const q = parseQuery(leadListQuery, ctx.query);
      // The inbox's own where: organization, the rep's own-leads scope, and the same filters.
      const where = leadWhere(ctx.user, leadListParams.parse({ status: q.status, verdict: q.verdict, source: q.source, owner: q.owner, q: q.q }));
      const page = keyset({ sort: q.sort, dir: q.dir, cursor: q.cursor, dateColumns: ["createdAt"] });
      const rows = await db().lead.findMany({ where: { AND: [where, page.where] }, orderBy: page.orderBy, take: q.limit + 1 });
      return { status: 200, body: pageOf(rows, q.limit, q.sort, toLead) };
    },
  },
  {
    operationId: "createLead",
    method: "POST",
    path: "/leads",
    tag: "Leads",
    status: 201,
    headers: ["Idempotency-Key"],
    summary: "Create a lead (source api): scored by the engine and routed like a form submission; emits lead.created and lead.routed",
    useCase: "lead.create",
    response: leadResource,
    handle: async (ctx) => ({ ...(await writeHandler("lead.create", { respond: (c, r) => lead(c.user, r.id) })(ctx)), status: 201 }),
  },
  {
    operationId: "getLead",
    method: "GET",
    path: "/leads/{id}",
    tag: "Leads",
    summary: "Read a lead with its scores and answers",
    status: 200,
    permission: "lead.view",
    response: leadResource,
    handle: async (ctx) => ({ status: 200, body: await lead(ctx.user, ctx.params.id ?? "") }),
  },
  {
    operationId: "convertLead",
    method: "POST",
    path: "/leads/{id}/conversion",
    tag: "Leads",
    status: 201,
    headers: ["Idempotency-Key"],
    summary:
      "Accept a lead: account, contact and a qualified deal with the lead's answers as evidence (a failed knockout needs a manager's overrideReason)",
    useCase: "lead.convert",
    pathInput: { id: "leadId" },
    response: conversionResource,
    handle: async (ctx) => {
      const result = await writeHandler("lead.convert", {
        pathInput: { id: "leadId" },
        respond: async (c, r) => ({
          lead: await lead(c.user, r.lead.id),
          opportunityId: r.opportunityId,
          accountId: r.accountId,
          accountCreated: r.accountCreated,
          contactId: r.contactId,
          contactCreated: r.contactCreated,
        }),
      })(ctx);
      return { ...result, status: 201 };
    },
  },
  {
    operationId: "nurtureLead",
    method: "POST",
    path: "/leads/{id}/nurture",
    tag: "Leads",
    status: 200,
    summary: "Not yet: park the lead until resumeOn, with what to watch for",
    useCase: "lead.nurture",
    pathInput: { id: "leadId" },
    response: leadResource,
    handle: writeHandler("lead.nurture", { pathInput: { id: "leadId" }, respond: (c, r) => lead(c.user, r.id) }),
  },
  {
    operationId: "disqualifyLead",
    method: "POST",
    path: "/leads/{id}/disqualification",
    tag: "Leads",
    status: 200,
    summary: "Disqualify a lead with a reason",
    useCase: "lead.disqualify",
    pathInput: { id: "leadId" },
    response: leadResource,
    handle: writeHandler("lead.disqualify", { pathInput: { id: "leadId" }, respond: (c, r) => lead(c.user, r.id) }),
  },
  {
    operationId: "bulkAssignLeads",
    method: "POST",
    path: "/bulk/leads/assignment",
    tag: "Leads",
    status: 200,
    summary: "Give up to 100 leads an owner in one transaction; leads you may not change are reported, not changed",
    useCase: "lead.bulk-assign",
    response: bulkReportResource,
    handle: writeHandler("lead.bulk-assign", { respond: (_c, r) => Promise.resolve(r) }),
  },
  {
    operationId: "bulkDisqualifyLeads",
    method: "POST",
    path: "/bulk/leads/disqualification",
    tag: "Leads",
    status: 200,
    summary: "Disqualify up to 100 leads with one reason; leads you may not change are reported, not changed",
    useCase: "lead.bulk-disqualify",
    response: bulkReportResource,
    handle: writeHandler("lead.bulk-disqualify", { respond: (_c, r) => Promise.resolve(r) }),
  },
  {
    operationId: "resumeLead",
    method: "POST",
    path: "/leads/{id}/resumption",
    tag: "Leads",
    status: 200,
    summary: "Bring a nurtured lead back to its owner's inbox",
    useCase: "lead.resume",
    pathInput: { id: "id" },
    response: leadResource,
    handle: writeHandler("lead.resume", { pathInput: { id: "id" }, respond: (c, r) => lead(c.user, r.id) }),
  },
  {
    operationId: "uploadImport",
    method: "POST",
    path: "/imports",
    tag: "Imports",
    status: 201,
    useCase: "import.upload",
    response: importResource,
    summary:
      "Upload a CSV file (the body, as text/csv; kind and fileName in the query). Its columns are mapped by guess; plan, then confirm, as in the app",
    query: uploadQuery,
    upload: { mediaType: "text/csv", maxBytes: MAX_IMPORT_BYTES },
    headers: ["Idempotency-Key"],
    handle: async (ctx) => {
      const { kind, fileName } = parseQuery(uploadQuery, ctx.query);
      const { jobId } = await executeUseCase("import.upload", ctx.user, { kind, fileName, text: ctx.body });
      return { status: 201, body: toImport(await getImport(ctx.user, jobId)) };
    },
  },
  {
    operationId: "getImport",
    method: "GET",
    path: "/imports/{id}",
    tag: "Imports",
    status: 200,
    permission: "import.run",
    response: importResource,
    summary: "An import's status and counts: poll it for the dry run's and the import's progress",
    handle: async (ctx) => ({ status: 200, body: toImport(await getImport(ctx.user, ctx.params.id ?? "")) }),
  },
  {
    operationId: "planImport",
    method: "POST",
    path: "/imports/{id}/plan",
    tag: "Imports",
    status: 202,
    summary: "Map the uploaded file's columns and queue the dry run",
    useCase: "import.plan",
    pathInput: { id: "jobId" },
    response: importResource,
    handle: async (ctx) => ({
      ...(await writeHandler("import.plan", { pathInput: { id: "jobId" }, respond: async (c, r) => toImport(await getImport(c.user, r.jobId)) })(
        ctx,
      )),
      status: 202,
    }),
  },
  {
    operationId: "confirmImport",
    method: "POST",
    path: "/imports/{id}/confirmation",
    tag: "Imports",
    status: 202,
    summary: "Run the import after its dry run",
    useCase: "import.confirm",
    pathInput: { id: "id" },
    response: importResource,
    handle: async (ctx) => ({
      ...(await writeHandler("import.confirm", { pathInput: { id: "id" }, respond: async (c, r) => toImport(await getImport(c.user, r.jobId)) })(
        ctx,
      )),
      status: 202,
    }),
  },
];
